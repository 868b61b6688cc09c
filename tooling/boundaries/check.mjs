// Runs dependency-cruiser over the whole repository with rules.cjs. It lives in a workspace of its own so
// that `turbo run lint` runs it like any other lint; it cruises from the repository root because the
// rules speak of paths across workspaces.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve("dependency-cruiser/package.json")), "bin", "dependency-cruiser.mjs");

const result = spawnSync(
  process.execPath,
  [bin, "--config", relative(root, join(here, "rules.cjs")), "--output-type", "err", "apps", "packages", "e2e"],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
