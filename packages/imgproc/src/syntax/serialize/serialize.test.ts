import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Process } from "../ast.ts";
import { parseProcess } from "../process/index.ts";
import { processArbitrary } from "../testing/arbitraries.ts";
import { serialize } from "./index.ts";

/** Canonical output for hand-picked ASTs: parameter order from the catalogue, Base64 re-encoded. */
const SERIALIZE_CASES: { name: string; ast: Process; expected: string }[] = [
  {
    name: "resize params in catalogue order",
    ast: { kind: "image", operations: [{ op: "resize", w: 200, m: "fill", limit: 0 }] },
    expected: "image/resize,m_fill,w_200,limit_0",
  },
  {
    name: "bare and parameterless actions",
    ast: {
      kind: "image",
      operations: [{ op: "rotate", value: 90 }, { op: "info" }, { op: "format", value: "png" }],
    },
    expected: "image/rotate,90/info/format,png",
  },
  {
    name: "watermark text re-encoded as unpadded URL-safe Base64",
    ast: { kind: "image", operations: [{ op: "watermark", text: "Hello 图片服务!", g: "se" }] },
    expected: "image/watermark,g_se,text_SGVsbG8g5Zu-54mH5pyN5YqhIQ",
  },
  { name: "style", ast: { kind: "style", name: "small" }, expected: "style/small" },
  {
    name: "JD scale and centre crop",
    ast: {
      kind: "img",
      operations: [
        { op: "resize", m: "lfit", w: 200, h: 300 },
        { op: "jd-cc", w: 200, h: 260 },
      ],
    },
    expected: "img/s/200/300/cc/200/260",
  },
  {
    name: "JD rotate 0 and 360 from auto-orient",
    ast: {
      kind: "img",
      operations: [
        { op: "auto-orient", value: 1 },
        { op: "auto-orient", value: 0 },
      ],
    },
    expected: "img/r/0/r/360",
  },
  {
    name: "JD text watermark",
    ast: { kind: "img", operations: [{ op: "jd-wmt", text: "京东云", position: 5 }] },
    expected: "img/wmt/wt/5Lqs5Lic5LqR/wp/5",
  },
  { name: "imginfo with ns", ast: { kind: "imginfo", keepMetadata: true }, expected: "imginfo/ns" },
  { name: "imgexif", ast: { kind: "imgexif" }, expected: "imgexif" },
];

describe("serialize", () => {
  it.each(SERIALIZE_CASES)("$name", ({ ast, expected }) => {
    expect(serialize(ast)).toEqual({ ok: true, value: expected });
  });

  it("reports a node JD cannot spell instead of throwing", () => {
    const result = serialize({ kind: "img", operations: [{ op: "blur", r: 3, s: 2 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.operation).toBe("blur");
  });

  it("parse(serialize(ast)) deep-equals ast for generated valid ASTs", () => {
    fc.assert(
      fc.property(processArbitrary, (ast) => {
        const written = serialize(ast);
        expect(written.ok).toBe(true);
        if (!written.ok) return;
        const back = parseProcess(written.value);
        expect(back).toMatchObject({ ok: true });
        if (back.ok) expect(back.value).toEqual(ast);
      }),
      { numRuns: 2000 },
    );
  });
});
