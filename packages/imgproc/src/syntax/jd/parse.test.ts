import { describe, expect, it } from "vitest";
import { parseProcess } from "../process/index.ts";
import { spanOf } from "../testing/marks.ts";
import { JD_ERROR_CASES, JD_PARSE_CASES } from "./parse.cases.ts";

describe("parse JD img/…", () => {
  it.each(JD_PARSE_CASES)("$input", ({ input, expected }) => {
    const result = parseProcess(input);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.value).toEqual({ kind: "img", operations: expected });
  });

  it.each(JD_ERROR_CASES)("rejects $input", ({ input, errors }) => {
    const result = parseProcess(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toEqual(errors.map((e) => e.code));
    errors.forEach(({ code, at, parameter }, i) => {
      expect(result.errors[i]).toMatchObject({
        code,
        ...spanOf(input, at),
        ...(parameter ? { parameter } : {}),
      });
    });
  });

  it("parses the other JD keywords", () => {
    expect(parseProcess("imgalias/thumb")).toMatchObject({
      ok: true,
      value: { kind: "imgalias", name: "thumb" },
    });
    expect(parseProcess("imginfo")).toMatchObject({
      ok: true,
      value: { kind: "imginfo", keepMetadata: false },
    });
    expect(parseProcess("imginfo/ns")).toMatchObject({
      ok: true,
      value: { kind: "imginfo", keepMetadata: true },
    });
    expect(parseProcess("imgexif")).toMatchObject({ ok: true, value: { kind: "imgexif" } });
  });
});

describe("JD limits", () => {
  it("accepts 100 actions and rejects the 101st, pointing at it", () => {
    expect(parseProcess(`img${"/o".repeat(100)}`).ok).toBe(true);
    const input = `img${"/o".repeat(101)}`;
    const result = parseProcess(input);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ code: "TooManyActions", offset: input.length - 1, length: 1 }],
    });
  });

  it("counts repeated actions each (s + cc = 2)", () => {
    const input = `img${"/s/1/1/cc/1/1".repeat(50)}/o`;
    expect(parseProcess(input)).toMatchObject({ ok: false, errors: [{ code: "TooManyActions" }] });
  });

  it("accepts 1024 bytes of img/… and rejects 1025", () => {
    const fits = `img/wmt/wt/${"A".repeat(1024 - 11)}`; // 1024 bytes, not valid text: only the length matters here
    const fitsResult = parseProcess(fits);
    expect(!fitsResult.ok && fitsResult.errors.some((e) => e.code === "TooLong")).toBe(false);
    const over = `${fits}A`;
    const overResult = parseProcess(over);
    expect(!overResult.ok && overResult.errors[0]).toMatchObject({
      code: "TooLong",
      offset: 0,
      length: over.length,
    });
  });

  it("measures bytes as UTF-8, not characters", () => {
    const input = `img/o/${"京".repeat(342)}`; // 6 + 342×3 = 1032 bytes but 348 characters
    const result = parseProcess(input);
    expect(!result.ok && result.errors[0]?.code).toBe("TooLong");
  });
});
