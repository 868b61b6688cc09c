import sharp, { type Sharp } from "sharp";
import { RenderError } from "../error.ts";
import { run } from "../work.ts";
import type { FontFace } from "./fonts.ts";

/** A watermark ready to composite: PNG bytes with alpha and their size. */
export interface Mark {
  data: Buffer;
  width: number;
  height: number;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function toMark(img: Sharp): Promise<Mark> {
  const { data, info } = await run(img.png({ compressionLevel: 0 }).toBuffer({ resolveWithObject: true }));
  return { data, width: info.width, height: info.height };
}

/** Upper bound on the pixels of a drawn text mark (the OSS output cap). */
const MAX_TEXT_PIXELS = 16_777_216;

export interface TextStyle {
  text: string;
  face: FontFace;
  /** Pixel size of the font. */
  size: number;
  color: string;
  /** Shadow opacity 0–100 (0 = none). */
  shadow: number;
}

/**
 * Renders text with Pango through sharp, in the given face and pixel size, with an optional drop
 * shadow (black, offset by 1/20 of the size, OSS's exact offset being undocumented).
 * @example
 * const mark = await textMark({ text: "图片服务", face, size: 40, color: "000000", shadow: 0 });
 */
export async function textMark(style: TextStyle): Promise<Mark> {
  // 64 characters at 1000 px would be a ~80 MP RGBA strip: refuse before Pango allocates it.
  const estimate = [...style.text].length * style.size * style.size * 1.3;
  if (estimate > MAX_TEXT_PIXELS) {
    throw new RenderError(400, "WatermarkError", "The watermark text is too large to draw (size × length).");
  }
  const markup = (color: string) =>
    `<span foreground="#${color}" font_desc="${style.face.family} ${style.size}px">${escapeMarkup(style.text)}</span>`;
  const render = (color: string) =>
    sharp({
      text: {
        text: markup(color),
        rgba: true,
        dpi: 72,
        ...(style.face.file ? { fontfile: style.face.file } : {}),
      },
    });
  let text: Mark;
  try {
    text = await toMark(render(style.color));
  } catch (error) {
    if (error instanceof RenderError)
      throw new RenderError(400, "WatermarkError", "The watermark text cannot be drawn.");
    throw error;
  }
  if (style.shadow <= 0) return text;
  const offset = Math.max(1, Math.round(style.size / 20));
  const shadow = await run(
    render("000000")
      .ensureAlpha()
      .linear([1, 1, 1, style.shadow / 100], [0, 0, 0, 0])
      .png()
      .toBuffer(),
  );
  const width = text.width + offset;
  const height = text.height + offset;
  return toMark(
    sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([
      { input: shadow, left: offset, top: offset },
      { input: text.data, left: 0, top: 0 },
    ]),
  );
}

/**
 * Applies opacity (0–100) and a clockwise rotation to a mark.
 * @example
 * const faded = await adjustMark(mark, 50, 30);
 */
export async function adjustMark(mark: Mark, opacity: number, angle: number): Promise<Mark> {
  if (opacity >= 100 && angle % 360 === 0) return mark;
  let img = sharp(mark.data).ensureAlpha();
  if (opacity < 100) img = img.linear([1, 1, 1, opacity / 100], [0, 0, 0, 0]);
  if (angle % 360 !== 0) {
    img = sharp(await run(img.png().toBuffer())).rotate(angle, {
      background: { r: 0, g: 0, b: 0, alpha: 0 },
    });
  }
  return toMark(img);
}

/**
 * Puts an image mark and a text mark side by side (OSS's text + image watermark): `imageFirst`
 * decides which is on the left, `align` 0/1/2 aligns them at the top/middle/bottom, `interval` px apart.
 * @example
 * const both = await combineMarks(logo, caption, { imageFirst: true, align: 2, interval: 10 });
 */
export async function combineMarks(
  image: Mark,
  text: Mark,
  { imageFirst, align, interval }: { imageFirst: boolean; align: number; interval: number },
): Promise<Mark> {
  const [first, second] = imageFirst ? [image, text] : [text, image];
  const width = first.width + interval + second.width;
  const height = Math.max(first.height, second.height);
  const top = (m: Mark) =>
    align === 0 ? 0 : align === 1 ? Math.floor((height - m.height) / 2) : height - m.height;
  return toMark(
    sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([
      { input: first.data, left: 0, top: top(first) },
      { input: second.data, left: first.width + interval, top: top(second) },
    ]),
  );
}
