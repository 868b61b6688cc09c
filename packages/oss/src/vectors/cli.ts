/**
 * `pnpm --filter @style-console/oss vectors <file.json>`: signs every vector of a v4-vectors.json-format
 * file with this package's signer. Exit 0 when all pass, 1 when any fails, 2 on a usage or file error.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatResults, runVectorFile } from "./run.ts";

function main(argv: readonly string[]): number {
  const arg = argv.find((a) => a !== "--");
  if (!arg) {
    console.error("usage: pnpm --filter @style-console/oss vectors <file.json>");
    return 2;
  }
  // pnpm runs scripts in the package folder; a relative path means relative to where the user ran pnpm.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  let results: ReturnType<typeof runVectorFile>;
  try {
    results = runVectorFile(json);
  } catch (error) {
    console.error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  for (const line of formatResults(results)) console.log(line);
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
