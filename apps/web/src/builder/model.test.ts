import { OPERATION_NAMES, parseProcess, serializeOperation } from "@style-console/imgproc/syntax";
import { describe, expect, it } from "vitest";
import {
  cardIssues,
  contentOf,
  editableParams,
  move,
  newOperation,
  paramGroups,
  parseField,
  viewOf,
  withParam,
} from "./model.ts";

describe("viewOf / contentOf: the builder and the code are two views of one AST", () => {
  it.each([
    "image/resize,w_200",
    "image/resize,m_fill,w_300,h_200/crop,w_100,h_100,g_center/format,webp",
    "image/watermark,g_se,text_SGVsbG8,color_FF0000,size_30/quality,q_80",
    "image/rotate,90/auto-orient,1/bright,10/info",
  ])("round-trips %s", (content) => {
    const view = viewOf(content);
    expect(view.ok).toBe(true);
    if (view.ok) expect(contentOf(view.operations)).toBe(content);
  });

  it("writes parameters in the catalogue's order (the builder's edits canonicalise; reading never rewrites)", () => {
    const view = viewOf("image/resize,h_100,w_200");
    expect(view.ok && contentOf(view.operations)).toBe("image/resize,w_200,h_100");
  });

  it("reads an empty content as an empty chain, and an empty chain as an empty content", () => {
    expect(viewOf("  ")).toEqual({ ok: true, operations: [] });
    expect(contentOf([])).toBe("");
  });

  it.each([
    ["image/resize,w_abc", "errors"],
    ["image/nope", "errors"],
    ["style/thumbnail", "reference"],
    ["img/s/200/300", "jd"],
  ] as const)("keeps %s as code (%s)", (content, reason) => {
    expect(viewOf(content)).toEqual({ ok: false, reason });
  });
});

describe("cardIssues", () => {
  it("puts each parser error on the card and field it is about", () => {
    const operations = [
      newOperation("rotate"),
      withParam(newOperation("resize"), "w", 20000),
      newOperation("circle"),
    ];
    const text = contentOf(operations);
    const parsed = parseProcess(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const placed = cardIssues(operations, parsed.errors);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ card: 1, parameter: "w" });
  });

  it("puts an operation-level error on its card without a field", () => {
    const operations = [withParam(newOperation("resize"), "w", undefined)];
    const parsed = parseProcess(contentOf(operations));
    if (parsed.ok) throw new Error("expected a missing-parameter error");
    const placed = cardIssues(operations, parsed.errors);
    expect(placed[0]?.card).toBe(0);
  });
});

describe("newOperation", () => {
  it.each(OPERATION_NAMES)("starts %s valid", (name) => {
    const op = newOperation(name);
    const parsed = parseProcess(`image/${serializeOperation(op)}`);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  });
});

describe("edits", () => {
  it("sets, replaces and removes a parameter without touching the others", () => {
    const op = newOperation("resize");
    const wide = withParam(op, "w", 640);
    expect(contentOf([wide])).toBe("image/resize,m_lfit,w_640");
    const tall = withParam(wide, "h", 480);
    expect(contentOf([tall])).toBe("image/resize,m_lfit,w_640,h_480");
    expect(contentOf([withParam(tall, "m", undefined)])).toBe("image/resize,w_640,h_480");
  });

  it("moves items and clamps the target", () => {
    expect(move(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(move(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(move(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("parses form text by the parameter's type", () => {
    const [m, w] = editableParams("resize");
    const color = editableParams("resize").find((p) => p.name === "color");
    expect(w && parseField(w, "200")).toBe(200);
    expect(w && parseField(w, "2.5")).toBeUndefined();
    expect(w && parseField(w, "")).toBeUndefined();
    expect(m && parseField(m, "fill")).toBe("fill");
    expect(color && parseField(color, "#ff0000")).toBe("FF0000");
  });

  it("folds rarely used parameters, unless one of them is set", () => {
    const plain = paramGroups(newOperation("resize"));
    expect(plain.main.map((p) => p.name)).toEqual(["m", "w", "h"]);
    expect(plain.more.map((p) => p.name)).toEqual(["l", "s", "p", "limit", "color"]);
    expect(plain.moreSet).toBe(false);
    expect(paramGroups(withParam(newOperation("resize"), "limit", 0)).moreSet).toBe(true);
    const padded = paramGroups(withParam(newOperation("resize"), "m", "pad"));
    expect(padded.main.map((p) => p.name)).toContain("color");
  });

  it("hides parameters only valid inside a watermark image's processing", () => {
    expect(editableParams("resize").map((p) => p.name)).not.toContain("P");
  });
});
