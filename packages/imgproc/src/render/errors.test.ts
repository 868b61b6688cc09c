import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture } from "../../test/helpers.ts";
import { encodeBase64Url } from "../syntax/index.ts";
import { isRenderError, render } from "./index.ts";

const text = encodeBase64Url("Hi");

// Out-of-range values of every operation, surfaced through render as the 400 OSS answers, with the
// EC the reference's error pages name (img-syntax.md A.2).
const OUT_OF_RANGE: Array<[string, string]> = [
  ["image/resize,w_0,h_0", "0040-00000321"],
  ["image/resize,m_foo,w_100", "0040-00000311"],
  ["image/resize,w_100,limit_2", "0040-00000319"],
  ["image/resize,l_20000", "0040-00000314"],
  ["image/indexcrop,x_0", "0040-00000230"],
  ["image/circle,r_5000", "0040-00000233"],
  ["image/rounded-corners,r_5000", "0040-00000237"],
  ["image/rotate,400", "0040-00000217"],
  ["image/auto-orient,2", "0040-00000215"],
  ["image/blur,r_200,s_2", "0040-00000241"],
  ["image/blur,r_2,s_200", "0040-00000242"],
  ["image/bright,200", "0040-00000246"],
  ["image/sharpen,10", "0040-00000280"],
  ["image/format,dng", "0040-00000206"],
  ["image/quality,Q_200", "0040-00000308"],
  ["image/quality,q_200", "0040-00000309"],
  ["image/interlace,2", "0040-00000282"],
  [`image/watermark,text_${text},size_2000`, "0040-00000256"],
  [`image/watermark,text_${text},shadow_200`, "0040-00000255"],
  [`image/watermark,text_${text},x_8000`, "0040-00000262"],
  [`image/watermark,text_${text},y_8000`, "0040-00000264"],
  [`image/watermark,text_${text},voffset_2000`, "0040-00000268"],
  [`image/watermark,text_${text},rotate_400`, "0040-00000272"],
  [`image/watermark,text_${text},fill_2`, "0040-00000274"],
  [`image/watermark,text_${text},padx_5000`, "0040-00000276"],
  [`image/watermark,text_${text},align_3`, "0040-00000271"],
  [`image/watermark,text_${text},interval_2000`, "0040-00000270"],
  ["image/watermark,t_50", "0040-00000278"],
  ["image/slim,1", "0040-00000213"],
];

describe("out-of-range parameters through render", () => {
  it.each(OUT_OF_RANGE)("%s → 400 with EC %s", async (style, ec) => {
    try {
      await render(fixture(EXAMPLE_JPG), style);
      expect.unreachable();
    } catch (error) {
      if (!isRenderError(error)) throw error;
      expect([error.status, error.ossCode]).toEqual([400, ec]);
      expect(["InvalidArgument", "MissingArgument", "WatermarkError"]).toContain(error.code);
    }
  });

  it.each([
    "image/contrast,200",
    "image/crop,w_-1",
    "?x-oss-process=img/s/0/100",
    "?x-oss-process=img/qf/101",
  ])("%s → 400", async (style) => {
    await expect(render(fixture(EXAMPLE_JPG), style)).rejects.toMatchObject({ status: 400 });
  });
});

describe("hand-built ASTs", () => {
  it("are validated like strings before any pixel work", async () => {
    const bad = { kind: "image" as const, operations: [{ op: "crop" as const, w: -5 }] };
    await expect(render(fixture(EXAMPLE_JPG), bad)).rejects.toMatchObject({ status: 400 });
    const good = { kind: "image" as const, operations: [{ op: "resize" as const, w: 100 }] };
    expect((await render(fixture(EXAMPLE_JPG), good)).info).toMatchObject({ width: 100, height: 67 });
  });
});
