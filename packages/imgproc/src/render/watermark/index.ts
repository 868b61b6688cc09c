import type {
  Gravity,
  ImageFormat,
  JdImageWatermarkOp,
  JdTextWatermarkOp,
  WatermarkOp,
} from "../../syntax/ast.ts";
import { WATERMARK_IMAGE_FORMATS } from "../../syntax/operations/watermark.ts";
import { RenderError } from "../error.ts";
import type { OpContext } from "../ops/context.ts";
import { settle, type Work } from "../work.ts";
import { DEFAULT_FONT_NAME, hasCjkFont, pickFont } from "./fonts.ts";
import { warnMissingGlyphs } from "./glyphs.ts";
import { adjustMark, combineMarks, type Mark, textMark } from "./mark.ts";
import { markOrigin, placeMark } from "./place.ts";

/** OSS's rules for a watermark image (Add watermarks page; EC pages 0040-00000025 and -027). */
const OSS_MARK = { formats: WATERMARK_IMAGE_FORMATS, missingCode: "0040-00000025" } as const;

/** Loads the watermark object through the caller's resolver and runs its own processing. */
async function imageMark(
  spec: string,
  ctx: OpContext,
  main: Work,
  rules: { formats?: readonly ImageFormat[]; missingCode?: string } = {},
): Promise<Mark> {
  if (!ctx.resolveImage || !ctx.renderMark) {
    throw new RenderError(
      400,
      "WatermarkError",
      "Image watermarks need an image resolver (render option `resolveImage`).",
    );
  }
  const at = spec.indexOf("?x-oss-process=");
  const key = at < 0 ? spec : spec.slice(0, at);
  const process = at < 0 ? undefined : spec.slice(at + "?x-oss-process=".length);
  let bytes: Uint8Array;
  try {
    bytes = await ctx.resolveImage(key);
  } catch {
    ctx.signal.throwIfAborted();
    throw new RenderError(
      400,
      "WatermarkError",
      "The watermark image does not exist or cannot be read.",
      rules.missingCode,
    );
  }
  // The resolver may take longer than the whole render: a render that stopped meanwhile must not go on.
  ctx.signal.throwIfAborted();
  return ctx.renderMark(bytes, process, main.width, main.height, rules.formats);
}

/**
 * `watermark`: text, image or both, at its anchor or tiled (`fill_1`), with opacity `t`.
 * @example
 * work = await watermark(work, { op: "watermark", text: "Hello 图片服务!" }, ctx);
 */
export async function watermark(work: Work, op: WatermarkOp, ctx: OpContext): Promise<Work> {
  // Only the size is needed here; placeMark decides whether the pipeline must be settled.
  const main = work.sized ? work : await settle(work, ctx);
  let text: Mark | undefined;
  if (op.text !== undefined) {
    // OSS's default font missing here is no news by itself; glyphs no font can draw are.
    const face = pickFont(op.type ?? DEFAULT_FONT_NAME, ctx.fonts, ctx.warnings, op.type !== undefined);
    await warnMissingGlyphs(op.text, ctx.warnings, { cjkFontPresent: hasCjkFont(ctx.fonts) });
    text = await textMark({
      text: op.text,
      face,
      size: op.size ?? 40,
      color: op.color ?? "000000",
      shadow: op.shadow ?? 0,
    });
    ctx.signal.throwIfAborted();
    text = await adjustMark(text, 100, op.rotate ?? 0);
  }
  ctx.signal.throwIfAborted();
  const image = op.image === undefined ? undefined : await imageMark(op.image, ctx, main, OSS_MARK);
  let mark: Mark | undefined =
    image && text
      ? await combineMarks(image, text, {
          imageFirst: (op.order ?? 0) === 0,
          align: op.align ?? 2,
          interval: op.interval ?? 0,
        })
      : (image ?? text);
  if (!mark)
    throw new RenderError(400, "WatermarkError", "A watermark needs `text` or `image`.", "0040-00000278");
  ctx.signal.throwIfAborted();
  mark = await adjustMark(mark, op.t ?? 100, 0);
  ctx.signal.throwIfAborted();
  return placeMark(
    main,
    mark,
    {
      g: op.g ?? "se",
      x: op.x ?? 10,
      y: op.y ?? 10,
      voffset: op.voffset ?? 0,
      fill: op.fill === 1,
      padx: op.padx ?? 0,
      pady: op.pady ?? 0,
    },
    ctx,
  );
}

const JD_GRID: readonly Gravity[] = ["nw", "north", "ne", "west", "center", "east", "sw", "south", "se"];

/** JD places a mark at a grid cell with no margin, then shifts it by dx/dy, clamped to the image. */
async function placeJd(
  work: Work,
  mark: Mark,
  position: number,
  dx: number,
  dy: number,
  ctx: OpContext,
): Promise<Work> {
  const g = JD_GRID[position - 1] ?? "nw";
  const [left, top] = markOrigin(work.width, work.height, mark.width, mark.height, {
    g,
    x: 0,
    y: 0,
    voffset: 0,
    fill: false,
    padx: 0,
    pady: 0,
  });
  const x = Math.max(0, Math.min(work.width - mark.width, left + dx));
  const y = Math.max(0, Math.min(work.height - mark.height, top + dy));
  return placeMark(work, mark, { g: "nw", x, y, voffset: 0, fill: false, padx: 0, pady: 0 }, ctx);
}

/** JD's `ws`: the mark covers n per mille of the image area. */
const areaScale = (mark: Mark, work: Work, perMille: number): number =>
  Math.sqrt(((perMille / 1000) * work.width * work.height) / Math.max(1, mark.width * mark.height));

/**
 * JD `wmt`: white text by default, sized so it covers `ws` per mille of the image (default 30).
 * @example
 * work = await jdTextWatermark(work, { op: "jd-wmt", text: "京东云" }, ctx);
 */
export async function jdTextWatermark(work: Work, op: JdTextWatermarkOp, ctx: OpContext): Promise<Work> {
  // Only the size is needed here; placeMark decides whether the pipeline must be settled.
  const main = work.sized ? work : await settle(work, ctx);
  if (op.font)
    ctx.warnings.push(`JD font "${op.font}" (only Simsun exists on JD) is drawn with a CJK substitute.`);
  const face = pickFont(DEFAULT_FONT_NAME, ctx.fonts, ctx.warnings, false);
  await warnMissingGlyphs(op.text, ctx.warnings, { cjkFontPresent: hasCjkFont(ctx.fonts) });
  const style = { text: op.text, face, size: 40, color: op.color ?? "FFFFFF", shadow: 0 };
  const probe = await textMark(style);
  ctx.signal.throwIfAborted();
  const size = Math.max(1, Math.round(40 * areaScale(probe, main, op.size ?? 30)));
  const mark = await adjustMark(await textMark({ ...style, size }), 100, op.rotate ?? 0);
  ctx.signal.throwIfAborted();
  return placeJd(main, mark, op.position ?? 1, op.dx ?? 0, op.dy ?? 0, ctx);
}

/**
 * JD `wmi`: the object `bucket:object` (passed whole to `resolveImage`), scaled to `ws` per mille of
 * the image area, with opacity `wd`.
 * @example
 * work = await jdImageWatermark(work, { op: "jd-wmi", key: "downloads:logo.png" }, ctx);
 */
export async function jdImageWatermark(work: Work, op: JdImageWatermarkOp, ctx: OpContext): Promise<Work> {
  // Only the size is needed here; placeMark decides whether the pipeline must be settled.
  const main = work.sized ? work : await settle(work, ctx);
  const raw = await imageMark(op.key, ctx, main);
  const scale = areaScale(raw, main, op.size ?? 30);
  const resized = await ctx.renderMark?.(
    raw.data,
    `image/resize,m_fixed,w_${Math.max(1, Math.round(raw.width * scale))},h_${Math.max(1, Math.round(raw.height * scale))},limit_0`,
    main.width,
    main.height,
  );
  const mark = await adjustMark(resized ?? raw, op.opacity ?? 100, 0);
  ctx.signal.throwIfAborted();
  return placeJd(main, mark, op.position ?? 1, op.dx ?? 0, op.dy ?? 0, ctx);
}
