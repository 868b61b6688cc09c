import type { JdOperation, SyntaxIssue } from "../ast.ts";
import { encodeBase64Url } from "../base64/index.ts";
import { issue } from "../issues/index.ts";

const JD_FORMATS = ["jpg", "png", "webp", "bmp", "gif"];

const keys = (node: object): string =>
  Object.keys(node)
    .filter((k) => k !== "op" && (node as Record<string, unknown>)[k] !== undefined)
    .sort()
    .join(",");

/**
 * Writes one node as JD tokens (without the leading `/`), or undefined when JD cannot say it:
 * the inverse of the mapping in `jd/nodes.ts`.
 * @example
 * jdTokens({ op: "resize", m: "lfit", w: 200, h: 300 }); // "s/200/300"
 */
export function jdTokens(node: JdOperation): string | undefined {
  const k = keys(node);
  const side = (n: number) => Number.isInteger(n) && n >= 1 && n <= 9999;
  switch (node.op) {
    case "resize": {
      const { m, w = 0, h = 0, color } = node;
      if (k === "h" && side(h)) return `sh/${h}`;
      if (k === "w" && side(w)) return `sw/${w}`;
      if (!side(w) || !side(h)) return undefined;
      if (k === "h,m,w")
        return m === "lfit"
          ? `s/${w}/${h}`
          : m === "mfit"
            ? `so/${w}/${h}`
            : m === "fixed"
              ? `sf/${w}/${h}`
              : m === "pad"
                ? `sb/${w}/${h}`
                : undefined;
      return k === "color,h,m,w" && m === "pad" ? `sb/${w}/${h}/_${color}` : undefined;
    }
    case "crop":
      return k === "h,w,x,y" ? `cr/${node.w}/${node.h}/${node.x}/${node.y}` : undefined;
    case "rotate":
      return node.value > 0 && node.value < 360 ? `r/${node.value}` : undefined;
    case "auto-orient":
      return node.value === 1 ? "r/0" : "r/360";
    case "format":
      return JD_FORMATS.includes(node.value) ? `fmt/${node.value}` : undefined;
    case "interlace":
      return node.value === 1 ? "p" : undefined;
    case "quality":
      return k === "Q" ? `q/${node.Q}` : undefined;
    case "jd-sp":
    case "jd-sa":
    case "jd-qf":
    case "jd-cgif":
      return `${node.op.slice(3)}/${node.n}`;
    case "jd-shb":
    case "jd-swb":
      return `${node.op.slice(3)}/${node.w}/${node.h}${node.color === undefined ? "" : `/_${node.color}`}`;
    case "jd-cc":
      return `cc/${node.w}/${node.h}`;
    case "jd-o":
    case "jd-ns":
      return node.op.slice(3);
    case "jd-wmt":
      return `wmt/wt/${encodeBase64Url(node.text)}${opt("wf", node.font, true)}${opt("wc", node.color && `_${node.color}`)}${opt("wp", node.position)}${opt("wdx", node.dx)}${opt("wdy", node.dy)}${opt("ws", node.size)}${opt("wr", node.rotate)}`;
    case "jd-wmi":
      return `wmi/wk/${encodeBase64Url(node.key)}${opt("wp", node.position)}${opt("wdx", node.dx)}${opt("wdy", node.dy)}${opt("wd", node.opacity)}${opt("ws", node.size)}`;
    default:
      return undefined;
  }
}

function opt(key: string, value: string | number | undefined, base64 = false): string {
  if (value === undefined) return "";
  return `/${key}/${base64 ? encodeBase64Url(String(value)) : value}`;
}

/**
 * Writes a JD action list as an `img/…` value, or the nodes JD has no spelling for.
 * @example
 * serializeJd([{ op: "jd-cc", w: 200, h: 260 }]); // { ok: true, value: "img/cc/200/260" }
 */
export function serializeJd(
  operations: readonly JdOperation[],
): { ok: true; value: string } | { ok: false; errors: SyntaxIssue[] } {
  const parts: string[] = [];
  const errors: SyntaxIssue[] = [];
  for (const node of operations) {
    const t = jdTokens(node);
    if (t === undefined) {
      errors.push(
        issue(
          "InvalidValue",
          `\`${node.op}\` with these parameters has no JD \`img/…\` spelling`,
          { offset: 0, length: 0 },
          { operation: node.op },
        ),
      );
    } else parts.push(t);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: `img/${parts.join("/")}` };
}
