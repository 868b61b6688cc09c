import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatResults, runVectorFile } from "./run.ts";

const fixtures = fileURLToPath(new URL("../../test/fixtures/vectors/", import.meta.url));
const shared = "/work/shared/reference/v4-vectors.json";
const load = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

describe("vectors runner", () => {
  it.each([
    ["the copied official/derived vectors", `${fixtures}v4-vectors.json`, 9],
    ["the Android vectors", `${fixtures}android-v4-vectors.json`, 7],
  ])("passes %s", (_name, path, count) => {
    const results = runVectorFile(load(path));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(count);
  });

  it.skipIf(!existsSync(shared))("passes the shared reference file", () => {
    const results = runVectorFile(load(shared));
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it("fails a vector whose expected signature was altered, naming expected and got", () => {
    const json = load(`${fixtures}v4-vectors.json`) as { vectors: { expected: Record<string, string> }[] };
    const first = json.vectors[0];
    if (!first) throw new Error("fixture has no vectors");
    first.expected.authorization = first.expected.authorization?.replace(/e21d/, "f21d") ?? "";
    const [result] = runVectorFile(json);
    expect(result?.ok).toBe(false);
    expect(result?.detail).toMatch(/^authorization: expected ".*Signature=f21d.*" got ".*Signature=e21d/);
  });

  it.each([
    ["no inputs", { id: "x", expected: { authorization: "a" } }, /inputs: expected an object/],
    [
      "bad time",
      { id: "x", expected: { authorization: "a" }, inputs: { signing_time_iso: "2023-12-16" } },
      /signing_time_iso/,
    ],
    [
      "bad query pair",
      {
        id: "x",
        mode: "canonical-headers-only",
        expected: { canonical_headers: "" },
        inputs: { query_params: [["a"]] },
      },
      /query_params\[0\]/,
    ],
    ["unknown mode", { id: "x", mode: "nope", expected: {}, inputs: {} }, /unknown mode/],
  ])("fails a malformed vector (%s) with its path instead of throwing", (_name, vector, detail) => {
    const [result] = runVectorFile({ vectors: [vector] });
    expect(result?.ok).toBe(false);
    expect(result?.detail).toMatch(detail);
  });

  it("refuses a file with none of the three groups", () => {
    expect(() => runVectorFile({ tests: [] })).toThrow(/at least one of vectors/);
  });

  it("formats PASS/FAIL lines and the summary", () => {
    expect(
      formatResults([
        { id: "a", ok: true },
        { id: "b", ok: false, detail: "x: expected 1 got 2" },
      ]),
    ).toEqual(["PASS a", "FAIL b: x: expected 1 got 2", "1 passed, 1 failed"]);
  });
});

describe("vectors CLI", () => {
  const run = promisify(execFile);
  const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));

  it("resolves the file against INIT_CWD, prints the summary last and exits 0", async () => {
    const env = { ...process.env, INIT_CWD: fixtures };
    const { stdout } = await run(process.execPath, ["--import", "tsx", cli, "v4-vectors.json"], { env });
    expect(stdout.trim().split("\n").at(-1)).toBe("9 passed, 0 failed");
  });

  it("exits 1 with FAIL lines when a vector fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vectors-"));
    const json = load(`${fixtures}v4-vectors.json`) as { vectors: { expected: Record<string, string> }[] };
    for (const v of json.vectors) if (v.expected.authorization) v.expected.authorization += "0";
    await writeFile(join(dir, "bad.json"), JSON.stringify(json));
    const failed = await run(process.execPath, ["--import", "tsx", cli, "bad.json"], {
      env: { ...process.env, INIT_CWD: dir },
    }).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    await rm(dir, { recursive: true, force: true });
    expect(failed?.code).toBe(1);
    const lines = failed?.stdout.trim().split("\n") ?? [];
    expect(lines.filter((l) => l.startsWith("FAIL v4-header-"))).toHaveLength(3);
    expect(lines.at(-1)).toBe("6 passed, 3 failed");
  });
});
