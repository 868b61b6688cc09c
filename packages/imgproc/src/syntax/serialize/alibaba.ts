import type { Operation } from "../ast.ts";
import { encodeBase64Url } from "../base64/index.ts";
import { getOperationSpec } from "../catalogue/index.ts";

/**
 * Writes one Alibaba action in canonical form: parameters in catalogue order, Base64 fields
 * re-encoded (URL-safe, unpadded), nothing else added or dropped.
 * @example
 * serializeOperation({ op: "resize", w: 200, m: "fill" }); // "resize,m_fill,w_200"
 */
export function serializeOperation(node: Operation): string {
  const spec = getOperationSpec(node.op);
  if (!spec) return node.op;
  const fields = node as unknown as Record<string, string | number | undefined>;
  if (spec.form === "none") return spec.name;
  if (spec.form === "bare") return `${spec.name},${fields.value}`;
  let out = spec.name;
  for (const p of spec.params) {
    const v = fields[p.name];
    if (v === undefined) continue;
    out += `,${p.name}_${p.type.kind === "base64" ? encodeBase64Url(String(v)) : v}`;
  }
  return out;
}

/**
 * Writes an Alibaba action list as an `image/…` value.
 * @example
 * serializeImage([{ op: "resize", w: 200 }, { op: "quality", q: 90 }]); // "image/resize,w_200/quality,q_90"
 */
export function serializeImage(operations: readonly Operation[]): string {
  return `image/${operations.map(serializeOperation).join("/")}`;
}
