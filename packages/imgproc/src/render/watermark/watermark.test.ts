import { existsSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture, pixelAt, solid } from "../../../test/helpers.ts";
import { encodeBase64Url } from "../../syntax/index.ts";
import { isRenderError, render } from "../index.ts";
import { DEFAULT_FONTS } from "./fonts.ts";
import { installedFonts } from "./glyphs.ts";
import { combineMarks, type Mark } from "./mark.ts";

const b64 = (s: string) => encodeBase64Url(s);
const hasCjkFont = existsSync(DEFAULT_FONTS["wqy-zenhei"]?.file ?? "");

/** Dark pixels of a region of a PNG rendered on white: how much ink a watermark put there. */
async function ink(
  image: Buffer,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number> {
  let img = sharp(image).flatten({ background: "#ffffff" }).greyscale();
  if (region) img = img.extract(region);
  const { data } = await img.raw().toBuffer({ resolveWithObject: true });
  return data.reduce((n, v) => (v < 128 ? n + 1 : n), 0);
}

/** The centre of mass of the dark pixels. */
async function inkCentre(image: Buffer): Promise<[number, number]> {
  const { data, info } = await sharp(image)
    .flatten({ background: "#ffffff" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let n = 0;
  let sx = 0;
  let sy = 0;
  data.forEach((v, i) => {
    if (v < 128) {
      n++;
      sx += i % info.width;
      sy += Math.floor(i / info.width);
    }
  });
  return [sx / n, sy / n];
}

const canvas = () => solid(400, 200, "#ffffff");
const text = (params: string) => `image/watermark,text_${b64("Hello 图片服务!")},${params}`.replace(/,$/, "");

describe("text watermark", () => {
  it("defaults: black, 40 px, bottom-right with 10 px margins", async () => {
    const { data, info, warnings } = await render(await canvas(), text(""));
    expect(info).toMatchObject({ format: "png", width: 400, height: 200 });
    expect(await ink(data, { left: 200, top: 140, width: 190, height: 50 })).toBeGreaterThan(300);
    expect(await ink(data, { left: 0, top: 0, width: 200, height: 100 })).toBe(0);
    expect(await ink(data, { left: 390, top: 0, width: 10, height: 200 })).toBe(0);
    if (hasCjkFont) expect(warnings).toEqual([]);
  });

  it.skipIf(!hasCjkFont)("draws Chinese as glyphs with wqy-zenhei (not boxes)", async () => {
    const chinese = await render(
      await canvas(),
      `image/watermark,text_${b64("图片服务")},g_nw,x_0,y_0,size_60`,
    );
    // Four ideographs at 60 px: wide and ink-heavy; a missing-glyph box would be a thin outline.
    expect(await ink(chinese.data)).toBeGreaterThan(2000);
  });

  it.each([
    ["g_nw", 0, 0],
    ["g_north", 1, 0],
    ["g_ne", 2, 0],
    ["g_west", 0, 1],
    ["g_center", 1, 1],
    ["g_east", 2, 1],
    ["g_sw", 0, 2],
    ["g_south", 1, 2],
    ["g_se", 2, 2],
  ])("%s puts the text in its cell (column %i, row %i)", async (g, column, row) => {
    const { data } = await render(await canvas(), text(`${g},size_20`));
    const [x, y] = await inkCentre(data);
    // The centre of the ink falls in the matching third of the 400x200 canvas.
    expect([Math.floor(x / (400 / 3)), Math.floor(y / (200 / 3))]).toEqual([column, row]);
  });

  it("x/y move the text away from the edge; voffset moves it up from the middle", async () => {
    const far = await render(await canvas(), text("g_nw,x_150,y_100"));
    expect(await ink(far.data, { left: 0, top: 0, width: 150, height: 200 })).toBe(0);
    expect(await ink(far.data, { left: 0, top: 0, width: 400, height: 100 })).toBe(0);
    const up = await render(await canvas(), text("g_west,voffset_60"));
    expect(await ink(up.data, { left: 0, top: 100, width: 400, height: 100 })).toBe(0);
  });

  it("size, color, t, shadow and rotate change what is drawn", async () => {
    const small = await ink((await render(await canvas(), text("size_20"))).data);
    const big = await ink((await render(await canvas(), text("size_80"))).data);
    expect(big).toBeGreaterThan(small * 4);
    const red = await render(await canvas(), text("g_nw,x_0,y_0,color_FF0000,size_80"));
    const [r, g, b] = await pixelAt(red.data, 40, 40);
    expect(r > 200 && g < 100 && b < 100 ? "red" : `${r},${g},${b}`).not.toBe("white");
    const faint = await ink((await render(await canvas(), text("t_30"))).data);
    expect(faint).toBeLessThan((await ink((await render(await canvas(), text(""))).data)) / 5);
    const shadowed = await ink((await render(await canvas(), text("shadow_100"))).data);
    expect(shadowed).toBeGreaterThan(small);
    const turned = await render(await canvas(), text("g_nw,x_0,y_0,rotate_90"));
    // Upright text is ~300 px wide and 50 tall; turned by 90° it fits in a 60 px wide column.
    const total = await ink(turned.data);
    expect(await ink(turned.data, { left: 0, top: 0, width: 70, height: 200 })).toBe(total);
  });

  it("fill_1 tiles the text over the whole image; padx/pady thin the tiles out", async () => {
    const tiled = await render(await canvas(), text("fill_1,size_20"));
    expect(await ink(tiled.data, { left: 0, top: 0, width: 200, height: 100 })).toBeGreaterThan(100);
    expect(await ink(tiled.data, { left: 200, top: 100, width: 200, height: 100 })).toBeGreaterThan(100);
    const sparse = await render(await canvas(), text("fill_1,size_20,padx_200,pady_100"));
    expect(await ink(sparse.data)).toBeLessThan((await ink(tiled.data)) / 3);
  });

  it("a missing font falls back to a CJK font and says so", async () => {
    const { warnings } = await render(await canvas(), text(`type_${b64("fangzhengkaiti")}`));
    expect(warnings.join()).toMatch(/fangzhengkaiti/);
  });

  it("with no CJK font at all it still draws (default sans); Chinese warns only if no font has it", async () => {
    const gone = { family: "Gone", file: "/nonexistent/font.ttf" };
    const fonts = { "wqy-zenhei": gone, "wqy-microhei": gone, droidsansfallback: gone };
    const { data, warnings } = await render(await canvas(), text(""), { fonts });
    expect(await ink(data)).toBeGreaterThan(100);
    // The machine's own fonts decide (Pango falls back to any of them), asked by code point.
    const chineseDrawable = (await installedFonts({ maxAgeMs: 0 }))?.fonts.some((f) =>
      f.charset.some(([a, b]) => a <= 0x56fe && 0x56fe <= b),
    );
    if (chineseDrawable) expect(warnings).toEqual([]);
    else expect(warnings.join()).toMatch(/glyphs for "图片服务"/);
  });

  it("Latin text with OSS's default font missing says nothing about fonts", async () => {
    const gone = { family: "Gone", file: "/nonexistent/font.ttf" };
    const fonts = { "wqy-zenhei": gone, "wqy-microhei": gone, droidsansfallback: gone };
    const latin = `image/watermark,text_${b64("Hello World")}`;
    const { data, warnings } = await render(await canvas(), latin, { fonts });
    expect(warnings).toEqual([]);
    expect(await ink(data)).toBeGreaterThan(100);
  });
});

describe("image watermark", () => {
  const red = () => solid(40, 40, "#ff0000");

  it("draws the resolved object at its anchor", async () => {
    const keys: string[] = [];
    const resolveImage = async (key: string) => {
      keys.push(key);
      return red();
    };
    const { data } = await render(await canvas(), `image/watermark,image_${b64("logo.png")},g_nw,x_5,y_5`, {
      resolveImage,
    });
    expect(keys).toEqual(["logo.png"]);
    expect((await pixelAt(data, 20, 20)).slice(0, 3)).toEqual([255, 0, 0]);
    expect((await pixelAt(data, 60, 60)).slice(0, 3)).toEqual([255, 255, 255]);
  });

  it("P_n of its own resize is a percentage of the main image", async () => {
    const { data } = await render(
      await canvas(),
      `image/watermark,image_${b64("logo.png?x-oss-process=image/resize,P_50")},g_nw,x_0,y_0`,
      {
        resolveImage: red,
      },
    );
    // 50 % of 400x200 is a 200x100 box: the 40x40 square grows to 100x100.
    expect((await pixelAt(data, 95, 95)).slice(0, 3)).toEqual([255, 0, 0]);
    expect((await pixelAt(data, 105, 50)).slice(0, 3)).toEqual([255, 255, 255]);
  });

  it("t sets its opacity", async () => {
    const { data } = await render(
      await canvas(),
      `image/watermark,image_${b64("logo.png")},g_nw,x_0,y_0,t_50`,
      { resolveImage: red },
    );
    const [r, g] = await pixelAt(data, 20, 20);
    expect(r).toBeGreaterThan(240);
    expect(g).toBeGreaterThan(100);
    expect(g).toBeLessThan(160);
  });

  it("without a resolver, or when it fails, answers WatermarkError; a missing logo carries EC 0040-00000025", async () => {
    for (const options of [{}, { resolveImage: () => Promise.reject(new Error("404")) }]) {
      try {
        await render(await canvas(), `image/watermark,image_${b64("logo.png")}`, options);
        expect.unreachable();
      } catch (error) {
        expect(isRenderError(error) && error.code).toBe("WatermarkError");
        if ("resolveImage" in options) expect(isRenderError(error) && error.ossCode).toBe("0040-00000025");
      }
    }
  });

  // Add watermarks page, "Limits": watermark images are JPG, PNG, BMP, WebP or TIFF (EC 0040-00000027).
  it("refuses a GIF logo with EC 0040-00000027 and takes JPG, PNG, BMP, WebP and TIFF", async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ff0000" } })
      .gif()
      .toBuffer();
    const error = await render(await canvas(), `image/watermark,image_${b64("logo.gif")}`, {
      resolveImage: async () => gif,
    }).catch((e: unknown) => e);
    expect(isRenderError(error) && [error.status, error.code, error.ossCode]).toEqual([
      400,
      "WatermarkError",
      "0040-00000027",
    ]);
    const red = sharp({ create: { width: 8, height: 8, channels: 3, background: "#ff0000" } });
    const bmp = (await render(await red.clone().png().toBuffer(), "image/format,bmp")).data;
    for (const logo of [
      await red.clone().jpeg().toBuffer(),
      await red.clone().png().toBuffer(),
      await red.clone().webp().toBuffer(),
      await red.clone().tiff().toBuffer(),
      bmp,
    ]) {
      const { data } = await render(await canvas(), `image/watermark,image_${b64("logo")},g_nw,x_0,y_0`, {
        resolveImage: async () => logo,
      });
      expect((await pixelAt(data, 4, 4))[0]).toBeGreaterThan(200);
    }
  });

  it("text and image together: order, align and interval lay them out", async () => {
    const style = `image/watermark,image_${b64("logo.png")},text_${b64("Hi")},g_nw,x_0,y_0,order_0,interval_20,align_0`;
    const { data } = await render(await canvas(), style, { resolveImage: red });
    expect((await pixelAt(data, 10, 10)).slice(0, 3)).toEqual([255, 0, 0]);
    expect(await ink(data, { left: 60, top: 0, width: 100, height: 60 })).toBeGreaterThan(50);
  });
});

describe("combineMarks", () => {
  const mark = (width: number, height: number): Mark => ({ data: Buffer.alloc(0), width, height });

  it("sizes the pair from both marks and the interval", async () => {
    const a = await sharp({ create: { width: 40, height: 40, channels: 4, background: "#f00" } })
      .png()
      .toBuffer();
    const b = await sharp({ create: { width: 60, height: 20, channels: 4, background: "#00f" } })
      .png()
      .toBuffer();
    const image = { ...mark(40, 40), data: a };
    const caption = { ...mark(60, 20), data: b };
    const bottom = await combineMarks(image, caption, { imageFirst: true, align: 2, interval: 10 });
    expect([bottom.width, bottom.height]).toEqual([110, 40]);
    expect((await pixelAt(bottom.data, 60, 35)).slice(0, 3)).toEqual([0, 0, 255]);
    const top = await combineMarks(image, caption, { imageFirst: false, align: 0, interval: 0 });
    expect((await pixelAt(top.data, 10, 5)).slice(0, 3)).toEqual([0, 0, 255]);
    expect((await pixelAt(top.data, 70, 30)).slice(0, 3)).toEqual([255, 0, 0]);
    const middle = await combineMarks(image, caption, { imageFirst: true, align: 1, interval: 0 });
    expect((await pixelAt(middle.data, 60, 20))[3]).toBe(255);
    expect((await pixelAt(middle.data, 60, 2))[3]).toBe(0);
  });
});

describe("on a photo", () => {
  it("the SDK's text watermark keeps the size and format", async () => {
    const { info } = await render(fixture(EXAMPLE_JPG), text(""));
    expect(info).toMatchObject({ format: "jpg", width: 400, height: 267 });
  });
});

describe("text size bound", () => {
  it("refuses a text mark that would be a huge strip", async () => {
    const style = `image/watermark,text_${b64("图".repeat(64))},size_1000`;
    await expect(render(await canvas(), style)).rejects.toMatchObject({
      status: 400,
      code: "WatermarkError",
    });
  });
});
