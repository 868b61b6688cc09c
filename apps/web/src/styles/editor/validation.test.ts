import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/error.ts";
import { translate } from "../../i18n/translate.ts";
import { checkContent, nameMessage, serverIssues } from "./validation.ts";

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate("en", key, params);

describe("checkContent", () => {
  it("accepts an image chain and counts its operations", () => {
    const check = checkContent("image/resize,w_200/quality,q_90", t);
    expect(check).toMatchObject({ ok: true, operations: 2, kind: "image" });
  });

  it("passes the parser's positioned errors through", () => {
    const check = checkContent("image/resize,w_abc", t);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues[0]).toMatchObject({ offset: 15, length: 3 });
    expect(check.issues[0]?.message).toContain("abc");
  });

  it("points at each character OSS forbids in a style", () => {
    const check = checkContent("image/resize,w_200;", t);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues).toContainEqual({
      offset: 18,
      length: 1,
      message: "“;” is not allowed in a style's content.",
    });
  });

  it("refuses a style reference or a JD chain as a style's content, pointing at the kind", () => {
    for (const [content, kind] of [
      ["style/thumb", "style"],
      ["img/s/200/300", "img"],
    ] as const) {
      const check = checkContent(content, t);
      expect(check.ok, content).toBe(false);
      if (check.ok) continue;
      expect(check.issues).toContainEqual({
        offset: 0,
        length: kind.length,
        message: expect.stringContaining(`“${kind}/…”`),
      });
    }
  });

  it("never throws on hostile input", () => {
    for (const content of ["", "/", "image/", "\u0000", "image/resize,w_".repeat(500), "😀/😀"])
      expect(() => checkContent(content, t)).not.toThrow();
  });
});

describe("nameMessage", () => {
  it("names the problem with a 1-based position", () => {
    expect(nameMessage("a b")).toEqual({
      key: "editor.name.badChar",
      params: { char: " ", position: 2 },
      offset: 1,
    });
    expect(nameMessage("")?.key).toBe("editor.name.empty");
    expect(nameMessage("ok-name")).toBeNull();
  });
});

describe("serverIssues", () => {
  it("reads the typed details of a 400 InvalidStyleContent, and nothing from any other error", () => {
    const refused = new ApiError(400, "InvalidStyleContent", "bad", undefined, {
      errors: [{ code: "X", message: "bad", offset: 3, length: 2 }],
    });
    expect(serverIssues(refused.body)).toEqual([{ offset: 3, length: 2, message: "bad" }]);
    expect(serverIssues(new ApiError(502, "UpstreamFailed", "x", undefined, { upstream: {} }).body)).toEqual(
      [],
    );
    expect(serverIssues(null)).toEqual([]);
  });
});
