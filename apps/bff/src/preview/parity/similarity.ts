import sharp from "sharp";

/** The grid both images are reduced to before comparing. */
export const GRID = 64;

export const SIMILARITY_METHOD =
  "1 − mean absolute difference of RGB over a 64×64 grid (both images resized to it, alpha flattened on white), divided by 255";

async function grid(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { failOn: "none", limitInputPixels: 250_000_000 })
    .resize(GRID, GRID, { fit: "fill", kernel: "cubic" })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer();
}

/**
 * How alike two encoded images look, from 0 (opposite) to 1 (identical at this grid): robust to
 * encoder differences (a JPEG from another libjpeg scores ~0.99), sensitive to geometry, crops,
 * colour and missing watermarks. Only the first frame of an animation is compared.
 * @example
 * await similarity(ourJpeg, theirJpeg); // 0.994
 */
export async function similarity(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([grid(a), grid(b)]);
  let total = 0;
  for (let i = 0; i < left.length; i++) total += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  const score = 1 - total / (left.length * 255);
  return Math.round(score * 10_000) / 10_000;
}
