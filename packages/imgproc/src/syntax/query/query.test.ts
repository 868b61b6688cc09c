import { describe, expect, it } from "vitest";
import type { ProcessQueryResult, QueryKeyword, SyntaxIssueCode } from "../ast.ts";
import { spanOf } from "../testing/marks.ts";
import { parseProcessQuery } from "./index.ts";

interface QueryCase {
  query: string;
  legal: boolean;
  keyword: QueryKeyword | null;
  /** The kind of the parsed process when legal (null: nothing to process, the original is served). */
  kind?: string | null;
  error?: { code: SyntaxIssueCode; at: string };
  warning?: { code: SyntaxIssueCode; at: string };
}

/** The access-rule examples of seed 004, plus Alibaba's forms beside them. */
export const QUERY_CASES: QueryCase[] = [
  { query: "?img/s/200/300", legal: true, keyword: "img", kind: "img" },
  { query: "?x-oss-process=img/s/200/300", legal: true, keyword: "x-oss-process=img", kind: "img" },
  { query: "?x-oss-process=img/o", legal: true, keyword: "x-oss-process=img", kind: "img" },
  {
    query: "?x-oss-process=img/s/200/300/cc/200/260",
    legal: true,
    keyword: "x-oss-process=img",
    kind: "img",
  },
  { query: "?imgalias/stylename", legal: true, keyword: "imgalias", kind: "imgalias" },
  {
    query: "?x-oss-process=imgalias/stylename",
    legal: true,
    keyword: "x-oss-process=imgalias",
    kind: "imgalias",
  },
  { query: "?imginfo", legal: true, keyword: "imginfo", kind: "imginfo" },
  { query: "?x-oss-process=imginfo/ns", legal: true, keyword: "x-oss-process=imginfo", kind: "imginfo" },
  { query: "?imgexif", legal: true, keyword: "imgexif", kind: "imgexif" },
  { query: "?x-oss-process=imgexif", legal: true, keyword: "x-oss-process=imgexif", kind: "imgexif" },
  { query: "?x-oss-process=image/resize,w_200", legal: true, keyword: "x-oss-process=image", kind: "image" },
  { query: "x-oss-process=style/small", legal: true, keyword: "x-oss-process=style", kind: "style" },
  // Only one keyword.
  {
    query: "?imgalias/style&img/s/100/200",
    legal: false,
    keyword: "imgalias",
    error: { code: "MultipleKeywords", at: "&<img/s/100/200>" },
  },
  {
    query: "?imgalias/style&x-oss-process=imgalias/style2",
    legal: false,
    keyword: "imgalias",
    error: { code: "MultipleKeywords", at: "&<x-oss-process=imgalias/style2>" },
  },
  {
    query: "?x-oss-process=image/resize,w_1&img/s/1/1",
    legal: false,
    keyword: "x-oss-process=image",
    error: { code: "MultipleKeywords", at: "&<img/s/1/1>" },
  },
  // Must be followed by a parameter.
  { query: "?imgalias/", legal: false, keyword: "imgalias", error: { code: "Empty", at: "?<imgalias/>" } },
  { query: "?img/", legal: false, keyword: "img", error: { code: "Empty", at: "img</>" } },
  {
    query: "?x-oss-process=img",
    legal: false,
    keyword: "x-oss-process=img",
    error: { code: "Empty", at: "=<img>" },
  },
  {
    query: "?x-oss-process=",
    legal: false,
    keyword: "x-oss-process=image",
    error: { code: "Empty", at: "=<>" },
  },
  // The order of other keys does not matter.
  { query: "?aaa=bb&imgalias/style", legal: true, keyword: "imgalias", kind: "imgalias" },
  { query: "?imgalias/style&aaa=bb", legal: true, keyword: "imgalias", kind: "imgalias" },
  {
    query: "?a=1&x-oss-process=image/rotate,90&b=2",
    legal: true,
    keyword: "x-oss-process=image",
    kind: "image",
  },
  // Case-sensitive: not a keyword, the original is served.
  {
    query: "? Imgalias/style",
    legal: true,
    keyword: null,
    kind: null,
    warning: { code: "MissingKeyword", at: " <Imgalias>" },
  },
  {
    query: "?X-Oss-Process=image/resize,w_1",
    legal: true,
    keyword: null,
    kind: null,
    warning: { code: "MissingKeyword", at: "?<X-Oss-Process>" },
  },
  { query: "?a=1&b=2", legal: true, keyword: null, kind: null },
  { query: "", legal: true, keyword: null, kind: null },
  // Errors inside the value point into the whole query.
  {
    query: "?x=1&x-oss-process=image/resize,w_0",
    legal: false,
    keyword: "x-oss-process=image",
    error: { code: "OutOfRange", at: "w_<0>" },
  },
  { query: "?img/s/0/1", legal: false, keyword: "img", error: { code: "OutOfRange", at: "s/<0>" } },
  // A %-encoded value is decoded; its errors cover the whole value.
  {
    query: "?x-oss-process=image%2Fresize%2Cw_0",
    legal: false,
    keyword: "x-oss-process=image",
    error: { code: "OutOfRange", at: "=<image%2Fresize%2Cw_0>" },
  },
  {
    query: "?x-oss-process=image%2Fresize%2Cw_10",
    legal: true,
    keyword: "x-oss-process=image",
    kind: "image",
  },
  {
    query: "?x-oss-process=image%zz",
    legal: false,
    keyword: "x-oss-process=image",
    error: { code: "InvalidValue", at: "=<image%zz>" },
  },
];

function kindOf(r: ProcessQueryResult): string | null | undefined {
  return r.ok ? (r.process?.kind ?? null) : undefined;
}

describe("parseProcessQuery", () => {
  it.each(QUERY_CASES)("$query", ({ query, legal, keyword, kind, error, warning }) => {
    const result = parseProcessQuery(query);
    expect(result.ok).toBe(legal);
    expect(result.keyword).toBe(keyword);
    if (legal) expect(kindOf(result)).toBe(kind);
    if (error) {
      expect(result.ok ? undefined : result.errors[0]).toMatchObject({
        code: error.code,
        ...spanOf(query, error.at),
      });
    }
    if (warning)
      expect(result.warnings[0]).toMatchObject({ code: warning.code, ...spanOf(query, warning.at) });
    else expect(result.warnings).toEqual([]);
  });
});
