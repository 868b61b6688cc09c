import type { JdOperation } from "../ast.ts";
import type { ParamValue } from "../params/index.ts";

type Values = Record<string, ParamValue>;
const num = (v: Values, k: string): number => Number(v[k]);
const optional = <K extends string>(key: K, value: ParamValue | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, never>>;

/**
 * Turns a validated JD action into its AST node: the shared Alibaba node where the action means the
 * same thing, a JD-only node where it does not.
 * - s/so/sf/sb → resize lfit/mfit/fixed/pad with w and h; sh/sw → resize with h or w only.
 * - cr → crop (origin top-left, clipped, as Alibaba's crop with g_nw).
 * - r/0 → auto-orient,1 (JD: "auto-rotate by EXIF"); r/360 → auto-orient,0 ("no rotation at all,
 *   keep the stored orientation"); other r/n → rotate,n.
 * - fmt → format; p → interlace,1; q/n → quality,Q_n (both cap the output at the source's quality).
 * @example
 * jdNode("s", { w: 200, h: 300 }); // { op: "resize", m: "lfit", w: 200, h: 300 }
 */
export function jdNode(code: string, v: Values): JdOperation | undefined {
  switch (code) {
    case "s":
    case "so":
    case "sf": {
      const m = code === "s" ? "lfit" : code === "so" ? "mfit" : "fixed";
      return { op: "resize", m, w: num(v, "w"), h: num(v, "h") };
    }
    case "sb":
      return { op: "resize", m: "pad", w: num(v, "w"), h: num(v, "h"), ...optional("color", v.color) };
    case "sh":
      return { op: "resize", h: num(v, "h") };
    case "sw":
      return { op: "resize", w: num(v, "w") };
    case "shb":
    case "swb":
      return {
        op: code === "shb" ? "jd-shb" : "jd-swb",
        w: num(v, "w"),
        h: num(v, "h"),
        ...optional("color", v.color),
      };
    case "sp":
    case "sa":
      return { op: code === "sp" ? "jd-sp" : "jd-sa", n: num(v, "n") };
    case "cc":
      return { op: "jd-cc", w: num(v, "w"), h: num(v, "h") };
    case "cr":
      return { op: "crop", w: num(v, "w"), h: num(v, "h"), x: num(v, "x"), y: num(v, "y") };
    case "r": {
      const n = num(v, "n");
      if (n === 0) return { op: "auto-orient", value: 1 };
      if (n === 360) return { op: "auto-orient", value: 0 };
      return { op: "rotate", value: n };
    }
    case "fmt":
      return { op: "format", value: String(v.format) as "jpg" };
    case "p":
      return { op: "interlace", value: 1 };
    case "q":
      return { op: "quality", Q: num(v, "n") };
    case "qf":
      return { op: "jd-qf", n: num(v, "n") };
    case "o":
      return { op: "jd-o" };
    case "ns":
      return { op: "jd-ns" };
    case "cgif":
      return { op: "jd-cgif", n: num(v, "n") };
    case "wmt":
      return {
        op: "jd-wmt",
        text: String(v.wt),
        ...optional("font", v.wf),
        ...optional("color", v.wc),
        ...optional("position", v.wp),
        ...optional("dx", v.wdx),
        ...optional("dy", v.wdy),
        ...optional("size", v.ws),
        ...optional("rotate", v.wr),
      };
    case "wmi":
      return {
        op: "jd-wmi",
        key: String(v.wk),
        ...optional("position", v.wp),
        ...optional("dx", v.wdx),
        ...optional("dy", v.wdy),
        ...optional("opacity", v.wd),
        ...optional("size", v.ws),
      };
    default:
      return undefined;
  }
}
