import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The `apps/bff` folder: the nearest folder above this module holding a `package.json`. This module
 * runs from `apps/bff/src/db` (dev, tests) or bundled into `apps/bff/dist/main.js` (built), at different
 * depths, so the folder is found rather than counted.
 */
function appDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Where `scripts/pglite-template.mjs` (run by `pnpm build`) leaves the embedded database's template:
 * `apps/bff/dist/pglite-template/{data,VERSION,MIGRATIONS}`, for the built server and for `pnpm dev`
 * alike (before, a run from source looked in `apps/bff/src/dist` and always fell back to initdb).
 */
export const DEFAULT_TEMPLATE_DIR = join(appDir(), "dist", "pglite-template");

/** The installed PGlite's version (`@electric-sql/pglite/package.json`); a template is only used by it. */
export function installedPgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** What {@link seedFromTemplate} did, for the start-up log and `/api/ready`. */
export type SeedOutcome = "existing" | "copied" | "no-template" | "other-version" | "not-empty";

/**
 * Gives a new embedded database its cluster by copying the prebuilt template (an empty PostgreSQL
 * cluster made by PGlite's initdb at build time) instead of letting PGlite run initdb in this process:
 * initdb in WebAssembly starts a second PGlite instance and peaks near 800 MB RSS, the copy costs
 * nothing but 40 MB of disk writes (decision 030). The copy goes to a sibling directory renamed into
 * place, so a crash mid-copy leaves no half cluster behind. Does nothing when `dataDir` already holds a
 * cluster (`PG_VERSION`), holds anything else (left for PGlite to judge), or when the template is
 * missing or of another PGlite version (PGlite then runs initdb as before).
 * @example
 * seedFromTemplate(".data/db"); // "copied" on the first start after `pnpm build`, then "existing"
 */
export function seedFromTemplate(dataDir: string, templateDir = DEFAULT_TEMPLATE_DIR): SeedOutcome {
  if (existsSync(join(dataDir, "PG_VERSION"))) return "existing";
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return "not-empty";
  const stamp = join(templateDir, "VERSION");
  if (!existsSync(stamp) || !existsSync(join(templateDir, "data", "PG_VERSION"))) return "no-template";
  if (readFileSync(stamp, "utf8").trim() !== installedPgliteVersion()) return "other-version";
  const work = `${dataDir}.seed-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  try {
    cpSync(join(templateDir, "data"), work, { recursive: true });
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(work, dataDir);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return "copied";
}
