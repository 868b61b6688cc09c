/**
 * `pnpm --filter @style-console/imgproc conformance <file.json>`: runs the conformance rows of an
 * examples file, one line per row, then `N passed, M failed, K skipped`; exit status 1 on a failure.
 * A relative path is taken from the directory pnpm was run in (INIT_CWD).
 */
import { resolve } from "node:path";
import { runConformance } from "./runner.ts";

const [arg] = process.argv.slice(2);
if (!arg) {
  console.error("usage: conformance <examples.json>");
  process.exit(2);
}
const file = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
try {
  const report = await runConformance(file);
  for (const row of report.rows) console.log(row.line);
  console.log(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  process.exit(report.failed > 0 ? 1 : 0);
} catch (error) {
  console.error(`conformance: cannot run ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
