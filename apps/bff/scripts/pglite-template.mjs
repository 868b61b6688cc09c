// Makes the embedded database's template: a PostgreSQL cluster as PGlite's initdb leaves it, with the
// console's migrations applied (src/db/template-migrate.ts, bundled by build.mjs into
// dist/template-migrate.js), in dist/pglite-template/{data,VERSION,MIGRATIONS}. A first start then
// only copies it: neither initdb nor the migrations run in the server, whose WebAssembly heap they
// would grow (decision 030). Starts still migrate, so an older template only costs the rest.
// A new DATA_DIR/db is copied from it (src/db/template.ts), so the console never runs initdb in its own
// process: initdb in WebAssembly runs a second PGlite instance and peaks near 800 MB RSS, where opening
// an existing cluster stays under 200 MB (decision 030).
// Run by build.mjs; alone (after a build): `node scripts/pglite-template.mjs [outDir]`. Skips the work
// when the template of the installed PGlite version and of these migrations is already there.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

/** The installed PGlite's version: a template is only used by the PGlite that made it. */
export function pgliteVersion() {
  const entry = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
  const pkg = join(dirname(entry), "..", "package.json");
  return JSON.parse(readFileSync(pkg, "utf8")).version;
}

const read = (path) => (existsSync(path) ? readFileSync(path, "utf8").trim() : undefined);

/**
 * Writes the template into `outDir` unless one of this PGlite version and these migrations is there;
 * returns what it did. `migrations` is `{ names, migrate }` from `template-migrate.ts`: the names
 * (stamped in MIGRATIONS) and `migrate(dataDir)`, which applies them to the new cluster.
 */
export async function ensureTemplate(outDir, migrations) {
  const version = pgliteVersion();
  const names = migrations.names.join("\n");
  if (read(join(outDir, "VERSION")) === version && read(join(outDir, "MIGRATIONS")) === names)
    return "up to date";
  const work = `${outDir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "data"), { recursive: true, mode: 0o700 });
  try {
    const pg = new PGlite(join(work, "data"));
    await pg.waitReady;
    await pg.close();
    await migrations.migrate(join(work, "data"));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(work, "VERSION"), `${version}\n`);
  writeFileSync(join(work, "MIGRATIONS"), `${names}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(work, outDir);
  return `made for PGlite ${version}, ${migrations.names.length} migrations applied`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL("../dist/pglite-template", import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  const bundle = new URL("../dist/template-migrate.js", import.meta.url);
  if (!existsSync(bundle)) throw new Error("dist/template-migrate.js is missing: run `pnpm build` first");
  const { migrationNames, migrateCluster } = await import(bundle.href);
  const result = await ensureTemplate(out, { names: migrationNames, migrate: migrateCluster });
  console.log(`PGlite template in ${out}: ${result}`);
}
