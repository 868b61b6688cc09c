import { parseProcess, serializeImage } from "@style-console/imgproc/syntax";

/** Width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Whether OSS's "never enlarge" rule is why the result kept the original's size: the draft resizes
 * without `limit_0` (OSS's default `limit_1` returns the image as it was when the target is larger;
 * img-syntax.md, resize `limit`), a target larger than the original, and a result of the original's
 * size. The answer is the resize's asked target, for the message; null when the rule did not apply.
 * @example
 * keptByNoEnlarge("image/resize,w_4000", { width: 600, height: 450 }, { width: 600, height: 450 });
 * // "w_4000"
 */
export function keptByNoEnlarge(content: string, result: Size, original: Size): string | null {
  // The original's facts are those of its file; OSS turns a photo upright (EXIF orientation) before
  // resizing, so a kept portrait may come back with width and height swapped.
  const same = result.width === original.width && result.height === original.height;
  const turned = result.width === original.height && result.height === original.width;
  if (!same && !turned) return null;
  const parsed = parseProcess(content);
  if (!parsed.ok || parsed.value.kind !== "image") return null;
  const upright = { width: result.width, height: result.height };
  const long = Math.max(upright.width, upright.height);
  const short = Math.min(upright.width, upright.height);
  for (const op of parsed.value.operations) {
    if (op.op !== "resize" || op.limit === 0) continue;
    const asked: Array<[string, number | undefined, number]> = [
      ["w", op.w, upright.width],
      ["h", op.h, upright.height],
      ["l", op.l, long],
      ["s", op.s, short],
      ["p", op.p, 100],
    ];
    const larger = asked.find(([, value, limit]) => value !== undefined && value > limit);
    if (larger) return `${larger[0]}_${larger[1]}`;
  }
  return null;
}

/**
 * The content with every resize allowed to enlarge (`limit_0` on each resize that lacks it), in the
 * canonical form; null when the content is not a valid `image/…` chain.
 * @example
 * allowEnlarging("image/resize,w_4000/quality,q_90"); // "image/resize,w_4000,limit_0/quality,q_90"
 */
export function allowEnlarging(content: string): string | null {
  const parsed = parseProcess(content);
  if (!parsed.ok || parsed.value.kind !== "image") return null;
  return serializeImage(
    parsed.value.operations.map((op) => (op.op === "resize" && op.limit !== 0 ? { ...op, limit: 0 } : op)),
  );
}
