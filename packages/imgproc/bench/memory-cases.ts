import sharp from "sharp";
import { solidWebp, tinyFramesGif } from "../src/testing/heavy-inputs.ts";

export interface MemoryCase {
  name: string;
  input: () => Buffer;
  /** A style, or `check` for the upload check's decode. */
  process: string;
}

let jpeg: Buffer | undefined;
// A 6000×4000 progressive JPEG of noise, made once per process.
async function progressiveJpeg(): Promise<Buffer> {
  jpeg ??= await sharp({
    create: {
      width: 6000,
      height: 4000,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 30 },
    },
  })
    .jpeg({ progressive: true, quality: 70 })
    .toBuffer();
  return jpeg;
}

export { progressiveJpeg };

/** The inputs whose estimate is compared with what rendering them really costs. */
export function memoryCases(): MemoryCase[] {
  const webp = () => solidWebp(8000, 8000);
  const gif = () => tinyFramesGif(1000, 1000, 240);
  return [
    { name: "webp8k-check", input: webp, process: "check" },
    { name: "webp8k-blur", input: webp, process: "image/blur,r_3,s_2" },
    { name: "webp8k-resize", input: webp, process: "image/resize,w_200" },
    { name: "webp8k-rotate", input: () => solidWebp(4000, 4000), process: "image/rotate,30" },
    { name: "webp4k-rotate-png", input: () => solidWebp(4000, 4000), process: "image/rotate,30/format,png" },
    {
      name: "webp4k-rotate90-png",
      input: () => solidWebp(4000, 4000),
      process: "image/rotate,90/format,png",
    },
    { name: "webp4k-circle", input: () => solidWebp(4000, 4000), process: "image/circle,r_2000" },
    { name: "webp4k-alpha-webp", input: () => solidWebp(4000, 4000), process: "image/rounded-corners,r_100" },
    { name: "webp8k-chain", input: webp, process: "image/resize,p_50/blur,r_3,s_2/bright,10/format,png" },
    { name: "gif240-check", input: gif, process: "check" },
    { name: "gif240-resize", input: gif, process: "image/resize,w_200" },
    { name: "gif240-bright", input: gif, process: "image/bright,10" },
    { name: "gif240-webp", input: gif, process: "image/format,webp" },
  ];
}
