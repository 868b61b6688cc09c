import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, solid } from "../../test/helpers.ts";
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

  it("checks the shape fill at (0,0) (outside, corners) and the average-hue as rgb", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conformance-"));
    const file = join(dir, "rows.json");
    await writeFile(join(dir, "teal.png"), await solid(40, 30, "#208080"));
    const teal = { local_copy: "teal.png" };
    const row = (id: string, param: string, expected: Record<string, unknown>) => ({
      id,
      input: teal,
      param,
      expected,
    });
    const rows = {
      examples: [
        row("circle-jpg", "image/circle,r_10/format,jpg", { outside: "white" }),
        row("circle-png", "image/circle,r_10", { outside: "transparent" }),
        row("circle-wrong", "image/circle,r_10", { outside: "white" }),
        row("corners-jpg", "image/rounded-corners,r_10/format,jpg", { corners: "white" }),
        row("corners-wrong", "image/rounded-corners,r_10/format,jpg", { corners: "transparent" }),
        row("no-shape", "image/resize,w_20", { corners: "transparent" }),
        row("rgb", "image/average-hue", { rgb: [32, 128, 128] }),
        row("rgb-wrong", "image/average-hue", { rgb: [128, 128, 128] }),
      ],
    };
    await writeFile(file, JSON.stringify(rows));
    const lines = (await runConformance(file)).rows.map((r) => r.line);
    expect(lines).toEqual([
      "PASS circle-jpg",
      "PASS circle-png",
      'FAIL circle-wrong: outside: expected "white" got "transparent"',
      "PASS corners-jpg",
      'FAIL corners-wrong: corners: expected "transparent" got "white"',
      'FAIL no-shape: corners: expected "transparent" got "rgba(32,128,128,255)"',
      "PASS rgb",
      "FAIL rgb-wrong: rgb: expected [128,128,128] got [32,128,128]",
    ]);
  });
});
