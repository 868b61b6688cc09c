import { describe, expect, it } from "vitest";
import { convertJdToAlibaba } from "./convert.ts";

/** JD → Alibaba: the equivalent string, and which parts (by text) have none. */
export const CONVERT_CASES: { jd: string; alibaba: string | null; unconverted: string[] }[] = [
  { jd: "img/s/200/300", alibaba: "image/resize,m_lfit,w_200,h_300", unconverted: [] },
  {
    jd: "img/so/200/300/sf/10/20",
    alibaba: "image/resize,m_mfit,w_200,h_300/resize,m_fixed,w_10,h_20",
    unconverted: [],
  },
  { jd: "img/sh/300/sw/100", alibaba: "image/resize,h_300/resize,w_100", unconverted: [] },
  { jd: "img/sb/100/100/_F00", alibaba: "image/resize,m_pad,w_100,h_100,color_FF0000", unconverted: [] },
  { jd: "img/cr/10/20/30/40", alibaba: "image/crop,w_10,h_20,x_30,y_40", unconverted: [] },
  { jd: "img/r/90/r/0/r/360", alibaba: "image/rotate,90/auto-orient,1/auto-orient,0", unconverted: [] },
  { jd: "img/fmt/webp/p/q/80", alibaba: "image/format,webp/interlace,1/quality,Q_80", unconverted: [] },
  { jd: "img/sp/500", alibaba: "image/resize,p_50", unconverted: [] },
  { jd: "img/s/200/300/sp/505", alibaba: "image/resize,m_lfit,w_200,h_300", unconverted: ["sp/505"] },
  { jd: "img/q/0", alibaba: null, unconverted: ["q/0"] },
  {
    jd: "img/sa/10000/shb/1/1/swb/1/1/_FFF/cc/1/1/qf/90/ns/cgif/2",
    alibaba: null,
    unconverted: ["sa/10000", "shb/1/1", "swb/1/1/_FFF", "cc/1/1", "qf/90", "ns", "cgif/2"],
  },
  {
    jd: "img/wmt/wt/5Lqs5Lic5LqR/wp/5/s/10/10/wmi/wk/ZG93bmxvYWRzOmxvZ28ucG5n/ws/10",
    alibaba: "image/resize,m_lfit,w_10,h_10",
    unconverted: ["wmt/wt/5Lqs5Lic5LqR/wp/5", "wmi/wk/ZG93bmxvYWRzOmxvZ28ucG5n/ws/10"],
  },
  { jd: "img/s/10/10/o", alibaba: null, unconverted: ["img/s/10/10/o"] },
  { jd: "imgalias/thumb", alibaba: "style/thumb", unconverted: [] },
  { jd: "imginfo/ns", alibaba: "image/info", unconverted: ["imginfo/ns"] },
  { jd: "imgexif", alibaba: "image/info", unconverted: ["imgexif"] },
];

describe("convertJdToAlibaba", () => {
  it.each(CONVERT_CASES)("$jd", ({ jd, alibaba, unconverted }) => {
    const result = convertJdToAlibaba(jd);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.alibaba).toBe(alibaba);
    expect(result.unconverted.map((u) => u.part)).toEqual(unconverted);
    for (const u of result.unconverted) {
      expect(jd.slice(u.offset, u.offset + u.length)).toBe(u.part);
      expect(u.reason.length).toBeGreaterThan(10);
    }
  });

  it("returns the JD errors instead of converting a bad value", () => {
    expect(convertJdToAlibaba("img/s/0/1")).toMatchObject({
      ok: false,
      errors: [{ code: "OutOfRange", offset: 6 }],
    });
    expect(convertJdToAlibaba("image/resize,w_1")).toMatchObject({
      ok: false,
      errors: [{ code: "UnknownProcessKind" }],
    });
  });
});
