import type { Process, SyntaxIssue } from "../ast.ts";
import { serializeImage } from "./alibaba.ts";
import { serializeJd } from "./jd.ts";

export { serializeImage, serializeOperation } from "./alibaba.ts";
export { serializeJd } from "./jd.ts";

export type SerializeResult = { ok: true; value: string } | { ok: false; errors: SyntaxIssue[] };

/**
 * Writes a parsed process back in canonical form, so that `parseProcess(serialize(p).value)` deep-equals
 * `p`. Alibaba processes always serialize; a JD `img` process fails (as a value, never an exception)
 * only for nodes JD has no spelling for, which the JD parser never produces.
 * @example
 * serialize({ kind: "image", operations: [{ op: "rotate", value: 90 }] }); // { ok: true, value: "image/rotate,90" }
 * serialize({ kind: "imginfo", keepMetadata: true }); // { ok: true, value: "imginfo/ns" }
 */
export function serialize(process: Process): SerializeResult {
  switch (process.kind) {
    case "image":
      return { ok: true, value: serializeImage(process.operations) };
    case "style":
      return { ok: true, value: `style/${process.name}` };
    case "img":
      return serializeJd(process.operations);
    case "imgalias":
      return { ok: true, value: `imgalias/${process.name}` };
    case "imginfo":
      return { ok: true, value: process.keepMetadata ? "imginfo/ns" : "imginfo" };
    case "imgexif":
      return { ok: true, value: "imgexif" };
  }
}
