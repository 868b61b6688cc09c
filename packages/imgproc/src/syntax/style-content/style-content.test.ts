import { describe, expect, it } from "vitest";
import { checkStyleContent } from "./index.ts";

describe("checkStyleContent", () => {
  it("accepts an image chain and returns its operations", () => {
    const check = checkStyleContent("image/resize,w_200/quality,q_90");
    expect(check.ok).toBe(true);
    expect(check.errors).toEqual([]);
    expect(check.operations.map((op) => op.op)).toEqual(["resize", "quality"]);
  });

  const refused: Array<[string, string, number, number]> = [
    ["image/resize,w_200;", "ForbiddenCharacter", 18, 1],
    ["image/resize,w_(200", "ForbiddenCharacter", 15, 1],
    ["image/resize,w_200*", "ForbiddenCharacter", 18, 1],
    ["style/thumb", "UnsupportedProcessKind", 0, 5],
    ["img/s/200/300", "UnsupportedProcessKind", 0, 3],
    ["image/resize,w_0,h_0", "OutOfRange", 15, 1],
  ];
  for (const [content, code, offset, length] of refused) {
    it(`refuses ${JSON.stringify(content)} with ${code} at ${offset}+${length}`, () => {
      const check = checkStyleContent(content);
      expect(check.ok).toBe(false);
      expect(check.operations).toEqual([]);
      expect(check.errors[0]).toMatchObject({ code, offset, length });
    });
  }

  it("reports every forbidden character, in order, with OSS's EC", () => {
    const check = checkStyleContent("image/resize,w_200?'");
    expect(check.errors.filter((e) => e.code === "ForbiddenCharacter").map((e) => e.offset)).toEqual([
      18, 19,
    ]);
    expect(check.errors[0]?.ossCode).toBe("0017-00000253");
  });

  it("keeps warnings without failing", () => {
    const check = checkStyleContent("image/resize,w_200,zz_1");
    expect(check.ok).toBe(true);
    expect(check.warnings.length).toBeGreaterThan(0);
  });
});
