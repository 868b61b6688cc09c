// "No name rule outside the contract package": OSS's naming rules (style names, bucket names, regions,
// object keys, a style content's forbidden characters) and the console's username rule live in packages/contract/src/names. dependency-cruiser
// sees imports, not regular expressions, so this scan looks for the rules' fingerprints in every other
// source file (tests and test support aside: they may generate names) and fails naming file and line.
// Usage: node tooling/boundaries/name-rules.mjs [root]   (exit 1 when a copy is found)

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Each fingerprint: what it detects and a pattern over one line of code (comments are skipped). */
export const FINGERPRINTS = [
  { rule: "style-name alphabet", pattern: /A-Za-z0-9_\\?\.-|A-Za-z0-9\\?\._-|a-zA-Z0-9_\\?\.-/ },
  { rule: "bucket-name alphabet", pattern: /\[a-z0-9\]\[a-z0-9-\]|\[a-z0-9-\]\{1,61\}/ },
  { rule: "region oss- prefix", pattern: /startsWith\(\s*["']oss-["']\s*\)|\(\?!oss-\)/ },
  { rule: "object-key byte limit", pattern: /\b1023\b/ },
  { rule: "style content forbidden characters", pattern: /\[;\(\)'\*\?/ },
  { rule: "username alphabet", pattern: /a-z0-9\\?\._@\\?-/ },
  { rule: "style name length", pattern: /\blength\s*[<>]=?\s*63\b|\b63\s*[<>]=?\s*\w*\.length\b/ },
];

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const SKIP_DIR = new Set(["node_modules", "dist", ".turbo", ".data", "testing", "test", "bench", "vectors"]);
const isTest = (name) => /\.(test|spec|bench)\.[mc]?[jt]sx?$/.test(name);

function* sources(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIR.has(entry.name)) yield* sources(path);
    } else if (SOURCE.test(entry.name) && !isTest(entry.name)) yield path;
  }
}

/** Every fingerprint hit under `root`'s apps/*\/src and packages/*\/src, except packages/contract. */
export function findNameRules(root) {
  const hits = [];
  for (const top of ["apps", "packages"]) {
    let workspaces = [];
    try {
      workspaces = readdirSync(join(root, top), { withFileTypes: true }).filter((e) => e.isDirectory());
    } catch {
      continue;
    }
    for (const ws of workspaces) {
      if (top === "packages" && ws.name === "contract") continue;
      for (const file of sources(join(root, top, ws.name, "src"))) {
        const lines = readFileSync(file, "utf8").split("\n");
        lines.forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return;
          for (const { rule, pattern } of FINGERPRINTS) {
            if (pattern.test(code)) hits.push({ file: relative(root, file), line: i + 1, rule });
          }
        });
      }
    }
  }
  return hits;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? process.cwd();
  const hits = findNameRules(root);
  for (const hit of hits) {
    console.error(
      `no-name-rule-outside-contract: ${hit.file}:${hit.line} holds a ${hit.rule}; import it from @style-console/contract/names`,
    );
  }
  process.exit(hits.length > 0 ? 1 : 0);
}
