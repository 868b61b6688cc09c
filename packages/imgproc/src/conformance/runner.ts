import { readFile } from "node:fs/promises";
import { estimateJpegQuality, isRenderError, render } from "../render/index.ts";
import { CHECKS, type Outcome, PIXEL_KEYS } from "./check.ts";
import { resolveInput, syntheticImage } from "./inputs.ts";
import { type ExampleRow, processOf, toExampleFile } from "./rows.ts";

export type Verdict = "PASS" | "FAIL" | "SKIP";

export interface RowResult {
  id: string;
  verdict: Verdict;
  /** The printed line: `PASS id`, `FAIL id: expected … got …`, `SKIP id: reason`. */
  line: string;
}

export interface ConformanceReport {
  rows: RowResult[];
  passed: number;
  failed: number;
  skipped: number;
}

const ERROR_KEYS = ["http_status", "ec", "code", "message", "result"];

// Rows the examples file itself calls "NOT oracles" (third-party emulators' own expectations): a
// disagreement with them is a stated conflict, not a failure of ours.
const notAnOracle = (row: ExampleRow): boolean => (row.source_kind ?? "").startsWith("implementation-test");

/** A synthetic stand-in for watermark objects that have no local copy (their content is not checked). */
async function placeholderWatermark(): Promise<Uint8Array> {
  return syntheticImage({ width: 120, height: 80, format: "png" });
}

async function runRow(row: ExampleRow, file: string): Promise<RowResult> {
  const skip = (reason: string): RowResult => ({
    id: row.id,
    verdict: "SKIP",
    line: `SKIP ${row.id}: ${reason}`,
  });
  if (row.skip_reason) return skip(row.skip_reason);
  const process = processOf(row.param);
  if (!process) return skip(`param "${row.param}" is neither an image/… string nor a URL query`);
  const errorOnly = Object.keys(row.expected).some((k) => ERROR_KEYS.includes(k));
  const input =
    (await resolveInput(row.input, file)) ??
    (errorOnly ? { bytes: await syntheticImage({}), synthetic: true } : undefined);
  if (!input) return skip("no local copy and no size to synthesise the input from");
  const keys = Object.keys(row.expected).filter((k) => CHECKS[k] && !(input.synthetic && PIXEL_KEYS.has(k)));
  if (keys.length === 0)
    return skip("nothing measurable (only notes, byte sizes or pixel facts of an input we lack)");
  const outcome: Outcome = {};
  try {
    outcome.result = await render(input.bytes, process, { resolveImage: placeholderWatermark });
  } catch (error) {
    if (!isRenderError(error)) throw error;
    outcome.error = {
      status: error.status,
      code: error.code,
      message: error.message,
      ossCode: error.ossCode,
    };
  }
  const ctx = { synthetic: input.synthetic, sourceQuality: estimateJpegQuality(input.bytes) };
  const failures: string[] = [];
  for (const key of keys) {
    const problem = await CHECKS[key]?.(row.expected[key], outcome, ctx);
    if (problem) failures.push(problem);
  }
  if (failures.length === 0) return { id: row.id, verdict: "PASS", line: `PASS ${row.id}` };
  if (notAnOracle(row))
    return skip(`conflict with a non-oracle (${row.source_kind}): ${failures.join("; ")}`);
  return { id: row.id, verdict: "FAIL", line: `FAIL ${row.id}: ${failures.join("; ")}` };
}

/**
 * Renders every row of an examples file (img-examples.json format) and checks its expectations.
 * @example
 * const report = await runConformance("test/fixtures/img-examples.json");
 * report.rows.map((r) => r.line); // ["PASS oss-resize-doc-lfit", …]
 */
export async function runConformance(file: string): Promise<ConformanceReport> {
  const examples = toExampleFile(JSON.parse(await readFile(file, "utf8")));
  const rows: RowResult[] = [];
  for (const row of examples.examples) rows.push(await runRow(row, file));
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  return { rows, passed: count("PASS"), failed: count("FAIL"), skipped: count("SKIP") };
}
