import type { JdOperation, Operation, SyntaxIssue } from "../ast.ts";
import type { Span } from "../issues/index.ts";
import { serializeImage } from "../serialize/alibaba.ts";
import { parseJdActions } from "./parse.ts";

/** A part of the JD input that has no Alibaba equivalent, and why. */
export interface Unconverted extends Span {
  part: string;
  reason: string;
}

export type ConvertResult =
  | { ok: true; alibaba: string | null; unconverted: Unconverted[] }
  | { ok: false; errors: SyntaxIssue[] };

const REASONS: Record<string, string> = {
  "jd-sa": "Alibaba cannot scale to a pixel count",
  "jd-shb": "Alibaba's pad fits inside the box; it cannot scale to the height first and pad the width",
  "jd-swb": "Alibaba's pad fits inside the box; it cannot scale to the width first and pad the height",
  "jd-cc": "a centre crop to an aspect ratio needs the source size; Alibaba's crop takes absolute sizes",
  "jd-qf": "Alibaba's quality never goes above the source's quality, so it cannot force one",
  "jd-ns": "Alibaba has no option to keep or strip metadata",
  "jd-cgif": "Alibaba cannot reduce the frames of a GIF",
  "jd-wmt":
    "JD sizes text per mille of the image area and places it on a 1–9 grid with offsets; Alibaba's watermark uses pixel sizes and margins",
  "jd-wmi":
    "a JD watermark names `bucket:object` and sizes it per mille of the area; Alibaba takes an object of the same bucket",
};

/**
 * Converts a JD value to the equivalent Alibaba `x-oss-process` value where one exists:
 * `imgalias/x` → `style/x`, `imginfo` → `image/info` (its JSON differs), `img/…` action by action.
 * Parts without an equivalent are listed (with their position in `jd`) and left out; `alibaba` is
 * null when nothing is left (or for `img/o`, which means "serve the original": no processing at all).
 * @example
 * convertJdToAlibaba("img/s/200/300/sp/505");
 * // { ok: true, alibaba: "image/resize,m_lfit,w_200,h_300", unconverted: [{ part: "sp/505", reason: "…", offset: 14, length: 6 }] }
 */
export function convertJdToAlibaba(jd: string): ConvertResult {
  const whole = { offset: 0, length: jd.length, part: jd };
  if (jd.startsWith("imgalias/") && jd.length > 9)
    return { ok: true, alibaba: `style/${jd.slice(9)}`, unconverted: [] };
  if (jd === "imginfo" || jd === "imginfo/ns") {
    return {
      ok: true,
      alibaba: "image/info",
      unconverted: [{ ...whole, reason: "`image/info` answers with Alibaba's JSON fields, not JD's" }],
    };
  }
  if (jd === "imgexif") {
    return {
      ok: true,
      alibaba: "image/info",
      unconverted: [
        { ...whole, reason: "`image/info` includes the EXIF fields among others, in Alibaba's JSON" },
      ],
    };
  }
  if (!jd.startsWith("img/")) {
    const message = "Expected a JD value: `img/…`, `imgalias/<name>`, `imginfo[/ns]` or `imgexif`";
    return { ok: false, errors: [{ code: "UnknownProcessKind", message, offset: 0, length: jd.length }] };
  }
  const ctx = { errors: [] as SyntaxIssue[], warnings: [] as SyntaxIssue[] };
  const { operations, spans } = parseJdActions(jd, 4, jd.length, ctx);
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  const out: Operation[] = [];
  const unconverted: Unconverted[] = [];
  for (const [i, node] of operations.entries()) {
    const span = spans[i] ?? { offset: 0, length: jd.length };
    const part = { ...span, part: jd.slice(span.offset, span.offset + span.length) };
    if (node.op === "jd-o") {
      return {
        ok: true,
        alibaba: null,
        unconverted: [
          {
            ...whole,
            reason: "`o` serves the original and ignores every other action: drop `x-oss-process`",
          },
        ],
      };
    }
    const converted = toAlibaba(node);
    if (typeof converted === "string") unconverted.push({ ...part, reason: converted });
    else out.push(converted);
  }
  return { ok: true, alibaba: out.length > 0 ? serializeImage(out) : null, unconverted };
}

function toAlibaba(node: JdOperation): Operation | string {
  switch (node.op) {
    case "jd-sp":
      return node.n % 10 === 0
        ? { op: "resize", p: node.n / 10 }
        : `${node.n}‰ is not a whole percentage; Alibaba's \`p\` takes integer percents`;
    case "quality":
      return node.Q === 0 ? "Alibaba's `Q` starts at 1" : node;
    case "jd-sa":
    case "jd-shb":
    case "jd-swb":
    case "jd-cc":
    case "jd-qf":
    case "jd-ns":
    case "jd-cgif":
    case "jd-wmt":
    case "jd-wmi":
    case "jd-o":
      return REASONS[node.op] ?? "no Alibaba equivalent";
    default:
      return node;
  }
}
