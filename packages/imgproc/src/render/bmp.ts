/**
 * A BMP encoder, because libvips in sharp cannot write BMP (img-syntax.md Decisions: "encode it in
 * the package"). Uncompressed, bottom-up: 24-bit BGR for opaque images, 32-bit BGRA with
 * BITMAPV4HEADER channel masks when the image has alpha (circle and rounded-corners keep their
 * transparency in BMP, as OSS documents).
 */

/**
 * Encodes raw interleaved 8-bit pixels (3 = RGB, 4 = RGBA channels) as a BMP file.
 * @example
 * const { data, info } = await sharp(input).raw().toBuffer({ resolveWithObject: true });
 * const bmp = encodeBmp(data, info.width, info.height, info.channels);
 */
export function encodeBmp(pixels: Uint8Array, width: number, height: number, channels: number): Buffer {
  if (channels !== 3 && channels !== 4) throw new RangeError(`BMP needs 3 or 4 channels, got ${channels}`);
  const alpha = channels === 4;
  const bytesPerPixel = alpha ? 4 : 3;
  // Rows are padded to a multiple of four bytes.
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  const headerSize = alpha ? 108 : 40;
  const offset = 14 + headerSize;
  const imageSize = stride * height;
  const out = Buffer.alloc(offset + imageSize);
  out.write("BM", 0, "ascii");
  out.writeUInt32LE(offset + imageSize, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(headerSize, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bytesPerPixel * 8, 28);
  out.writeUInt32LE(alpha ? 3 : 0, 30); // BI_BITFIELDS : BI_RGB
  out.writeUInt32LE(imageSize, 34);
  out.writeInt32LE(2835, 38); // 72 dpi in pixels per metre
  out.writeInt32LE(2835, 42);
  if (alpha) {
    out.writeUInt32LE(0x00ff0000, 54); // red mask
    out.writeUInt32LE(0x0000ff00, 58);
    out.writeUInt32LE(0x000000ff, 62);
    out.writeUInt32LE(0xff000000, 66); // alpha mask
    out.write("BGRs", 70, "ascii"); // LCS_sRGB, stored little-endian as 'sRGB'
  }
  for (let y = 0; y < height; y++) {
    const row = offset + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * channels;
      const dst = row + x * bytesPerPixel;
      out[dst] = pixels[src + 2] ?? 0;
      out[dst + 1] = pixels[src + 1] ?? 0;
      out[dst + 2] = pixels[src] ?? 0;
      if (alpha) out[dst + 3] = pixels[src + 3] ?? 255;
    }
  }
  return out;
}
