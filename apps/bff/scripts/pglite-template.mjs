// Makes the embedded database's template: an empty PostgreSQL cluster as PGlite's initdb leaves it
// (no console tables: the migrations still run at start), in dist/pglite-template/{data,VERSION}.
// A new DATA_DIR/db is copied from it (src/db/template.ts), so the console never runs initdb in its own
// process: initdb in WebAssembly runs a second PGlite instance and peaks near 800 MB RSS, where opening
// an existing cluster stays under 200 MB (decision 030).
// Run by build.mjs; alone: `node scripts/pglite-template.mjs [outDir]`. Skips the work when the
// template of the installed PGlite version is already there.
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

/** Writes the template into `outDir` unless one of this PGlite version is there; returns what it did. */
export async function ensureTemplate(outDir) {
  const version = pgliteVersion();
  const stamp = join(outDir, "VERSION");
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === version) return "up to date";
  const work = `${outDir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "data"), { recursive: true, mode: 0o700 });
  const pg = new PGlite(join(work, "data"));
  await pg.waitReady;
  await pg.close();
  writeFileSync(join(work, "VERSION"), `${version}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(work, outDir);
  return `made for PGlite ${version}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL("../dist/pglite-template", import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  console.log(`PGlite template in ${out}: ${await ensureTemplate(out)}`);
}
