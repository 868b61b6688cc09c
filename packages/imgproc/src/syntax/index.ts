/**
 * `@style-console/imgproc/syntax`: the style languages of Alibaba Cloud OSS (`image/…`, `style/…`)
 * and JD Cloud (`img/…`, `imgalias/…`, `imginfo`, `imgexif`), parsed and validated without any Node
 * API so the browser can run it on every keystroke.
 */
export type * from "./ast.ts";

import type { ParseResult, Process, ProcessQueryResult } from "./ast.ts";

/**
 * Parses one processing value (what follows `x-oss-process=`). Never throws.
 * STUB until the parser lands: it only reports that it is not implemented yet.
 * @example
 * const r = parseProcess("image/resize,w_200/quality,q_90");
 * if (r.ok) r.value; // { kind: "image", operations: [{ op: "resize", w: 200 }, { op: "quality", q: 90 }] }
 */
export function parseProcess(input: string): ParseResult<Process> {
  return {
    ok: false,
    errors: [{ code: "Empty", message: "parser not implemented yet", offset: 0, length: input.length }],
    warnings: [],
  };
}

/**
 * Judges a whole URL query (`?a=b&x-oss-process=img/s/200/300`) by the access rules. Never throws.
 * STUB until the query module lands.
 * @example
 * parseProcessQuery("?x-oss-process=img/s/200/300"); // { ok: true, keyword: "x-oss-process=img", … }
 */
export function parseProcessQuery(query: string): ProcessQueryResult {
  return {
    ok: false,
    keyword: null,
    errors: [{ code: "Empty", message: "parser not implemented yet", offset: 0, length: query.length }],
    warnings: [],
  };
}
