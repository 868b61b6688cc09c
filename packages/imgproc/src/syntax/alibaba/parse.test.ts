import { describe, expect, it } from "vitest";
import { parseProcess } from "../process/index.ts";
import { PARSE_CASES } from "./parse.cases.ts";

describe("parse Alibaba image/…", () => {
  it.each(PARSE_CASES)("$input", ({ input, expected }) => {
    const result = parseProcess(input);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.value).toEqual({ kind: "image", operations: expected });
  });

  it("parses a style reference", () => {
    expect(parseProcess("style/small_v2.x-1")).toEqual({
      ok: true,
      value: { kind: "style", name: "small_v2.x-1" },
      warnings: [],
    });
  });
});
