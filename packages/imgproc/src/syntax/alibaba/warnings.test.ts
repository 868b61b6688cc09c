import { describe, expect, it } from "vitest";
import type { SyntaxIssueCode } from "../ast.ts";
import { parseProcess } from "../process/index.ts";
import { spanOf } from "../testing/marks.ts";

/** Input OSS is believed to accept, with what the editor should still point out. */
const WARNING_CASES: {
  input: string;
  warnings: { code: SyntaxIssueCode; at: string; parameter?: string }[];
}[] = [
  { input: "image/resize,w_100,w_200", warnings: [{ code: "DuplicateParameter", at: "w_100,<w>_200" }] },
  { input: "image/crop,w_100,h_100,x_100,y_100,r_1", warnings: [{ code: "UnknownParameter", at: "<r>_1" }] },
  { input: "image/resize,W_100,h_1", warnings: [{ code: "UnknownParameter", at: "<W>_100" }] },
  {
    input: "image/resize,w_100,l_50",
    warnings: [{ code: "ConflictingParameters", at: "l_<50>", parameter: "l" }],
  },
  {
    input: "image/resize,h_100,s_50",
    warnings: [{ code: "ConflictingParameters", at: "s_<50>", parameter: "s" }],
  },
  {
    input: "image/resize,w_100,p_50",
    warnings: [{ code: "ConflictingParameters", at: "p_<50>", parameter: "p" }],
  },
  {
    input: "image/resize,w_100,color_FF0000",
    warnings: [{ code: "ConflictingParameters", at: "color_<FF0000>" }],
  },
  {
    input: "image/indexcrop,x_10,y_10",
    warnings: [{ code: "ConflictingParameters", at: "x_<10>", parameter: "x" }],
  },
  {
    input: "image/blur,r_1,s_1,p_10",
    warnings: [{ code: "ConflictingParameters", at: "p_<10>", parameter: "p" }],
  },
  {
    input: "image/quality,q_1,Q_1",
    warnings: [{ code: "ConflictingParameters", at: "q_<1>", parameter: "q" }],
  },
  { input: "image/watermark,text_SGk,padx_1", warnings: [{ code: "ConflictingParameters", at: "padx_<1>" }] },
  {
    input: "image/watermark,text_SGk,order_1",
    warnings: [{ code: "ConflictingParameters", at: "order_<1>" }],
  },
  { input: "img/wmt/wt/SGk/wp/1/wp/2", warnings: [{ code: "DuplicateParameter", at: "wp/1/<wp>" }] },
];

describe("warnings never make a result fail", () => {
  it.each(WARNING_CASES)("$input", ({ input, warnings }) => {
    const result = parseProcess(input);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(warnings.map((w) => w.code));
    warnings.forEach(({ code, at, parameter }, i) => {
      expect(result.warnings[i]).toMatchObject({
        code,
        ...spanOf(input, at),
        ...(parameter ? { parameter } : {}),
      });
    });
  });

  it("the last of a repeated parameter wins", () => {
    expect(parseProcess("image/resize,w_100,w_200")).toMatchObject({ value: { operations: [{ w: 200 }] } });
  });
});
