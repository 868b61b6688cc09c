import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../../test/helpers.ts";
import { runConformance } from "./runner.ts";

const SHARED = "/work/shared/reference/img-examples.json";

function expectAllPassOrStated(report: Awaited<ReturnType<typeof runConformance>>): void {
  const failures = report.rows.filter((r) => r.verdict === "FAIL").map((r) => r.line);
  expect(failures).toEqual([]);
  expect(report.passed).toBeGreaterThan(40);
  for (const row of report.rows.filter((r) => r.verdict === "SKIP"))
    expect(row.line).toMatch(/^SKIP \S+: \S/);
}

describe("conformance runner", () => {
  it("passes or skips (with a reason) every row of the package's copy of img-examples.json", async () => {
    expectAllPassOrStated(await runConformance(join(FIXTURES, "img-examples.json")));
  }, 60_000);

  it.skipIf(!existsSync(SHARED))(
    "passes or skips every row of the shared file",
    async () => {
      expectAllPassOrStated(await runConformance(SHARED));
    },
    60_000,
  );

  it("reports a wrong expectation as FAIL with expected and got", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conformance-"));
    const file = join(dir, "rows.json");
    const rows = {
      examples: [
        {
          id: "good",
          input: { width: 200, height: 100 },
          param: "image/resize,w_100",
          expected: { width: 100, height: 50 },
        },
        {
          id: "bad",
          input: { width: 200, height: 100 },
          param: "image/resize,w_100",
          expected: { width: 99 },
        },
        {
          id: "approx",
          input: { width: 400, height: 267 },
          param: "image/rotate,70",
          expected: { width: "~390" },
        },
        {
          id: "error",
          input: { width: 10, height: 10 },
          param: "image/crop,x_500",
          expected: { http_status: 400 },
        },
        {
          id: "nothing",
          input: { width: 10, height: 10 },
          param: "image/resize,w_5",
          expected: { notes: "n/a" },
        },
        { id: "legacy", input: {}, param: "@100w", expected: { width: 1 } },
        { id: "skipped", input: {}, param: "image/info", expected: {}, skip_reason: "because" },
      ],
    };
    await writeFile(file, JSON.stringify(rows));
    const report = await runConformance(file);
    expect(report.rows.map((r) => r.line)).toEqual([
      "PASS good",
      "FAIL bad: width: expected 99 got 100",
      "PASS approx",
      "PASS error",
      "SKIP nothing: nothing measurable (only notes, byte sizes or pixel facts of an input we lack)",
      'SKIP legacy: param "@100w" is neither an image/… string nor a URL query',
      "SKIP skipped: because",
    ]);
    expect([report.passed, report.failed, report.skipped]).toEqual([3, 1, 3]);
  });
});
