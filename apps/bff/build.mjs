// Bundles the BFF and the workspace packages it imports (TypeScript sources) into dist/main.js, with
// its pure-JavaScript dependencies (see KEEP_EXTERNAL for those that stay external). Those only the workspace packages depend on (fast-xml-parser) are bundled: pnpm does not
// link them into apps/bff/node_modules, so dist/main.js could not resolve them at run time.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const workspace = (name) => name.startsWith("@style-console/");
// Pure-JavaScript dependencies are bundled too: Node resolves and parses one file instead of hundreds
// of ESM files (Kysely's alone are ~300), ~0.3 s of the embedded default's ~2 s of start-up CPU. Those
// with native code, WebAssembly, worker-thread files, or (openid-client) no test of the built bundle
// stay external.
const KEEP_EXTERNAL = new Set([
  "@electric-sql/pglite",
  "@node-rs/argon2",
  "openid-client",
  "pg",
  "pino",
  "sharp",
]);
const thirdParty = Object.keys(pkg.dependencies ?? {}).filter(
  (name) => !workspace(name) && KEEP_EXTERNAL.has(name),
);

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: [...thirdParty, "sharp"],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: "warning",
};
await build({ ...common, entryPoints: ["src/main.ts"], outfile: "dist/main.js" });
// Build-time only: applies the migrations to the template below.
await build({ ...common, entryPoints: ["src/db/template-migrate.ts"], outfile: "dist/template-migrate.js" });

// The embedded database's template, migrated, so a new DATA_DIR runs neither initdb nor the migrations
// in the server (decision 030).
const { ensureTemplate } = await import("./scripts/pglite-template.mjs");
// Made by the build just above: a URL, not a module name, since a fresh clone has no dist/ to resolve.
const migrator = new URL("./dist/template-migrate.js", import.meta.url);
const { migrationNames, migrateCluster } = await import(migrator.href);
const made = await ensureTemplate(fileURLToPath(new URL("./dist/pglite-template", import.meta.url)), {
  names: migrationNames,
  migrate: migrateCluster,
});
if (made !== "up to date") console.log(`PGlite template: ${made}`);
