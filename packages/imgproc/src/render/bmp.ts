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

/** Raw pixels decoded from a BMP file. */
export interface DecodedBmp {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Buffer;
}

/** The header fields of a BMP, enough to check the limits before decoding any pixel. */
export interface BmpHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
  topDown: boolean;
  offset: number;
  compression: number;
  paletteOffset: number;
  paletteSize: number;
}

/**
 * Reads a BMP header (BITMAPINFOHEADER or later); undefined when the bytes are not a BMP this
 * decoder supports (uncompressed 8/24/32-bit, or 32-bit bitfields in BGRA order).
 * @example
 * readBmpHeader(bytes); // { width: 400, height: 267, bitsPerPixel: 24, … }
 */
export function readBmpHeader(bytes: Uint8Array): BmpHeader | undefined {
  if (bytes.length < 54 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40) return undefined;
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const colours = view.getUint32(46, true);
  const supported =
    (compression === 0 && [8, 24, 32].includes(bitsPerPixel)) || (compression === 3 && bitsPerPixel === 32);
  if (!supported || width <= 0 || rawHeight === 0) return undefined;
  return {
    width,
    height: Math.abs(rawHeight),
    bitsPerPixel,
    topDown: rawHeight < 0,
    offset: view.getUint32(10, true),
    compression,
    paletteOffset: 14 + headerSize,
    paletteSize: bitsPerPixel === 8 ? colours || 256 : 0,
  };
}

/**
 * Decodes a BMP (whose header `readBmpHeader` accepted) to raw RGB or RGBA; undefined when the pixel
 * data is shorter than the header promises (a truncated file).
 * @example
 * const header = readBmpHeader(bytes); if (header) decodeBmp(bytes, header);
 */
export function decodeBmp(bytes: Uint8Array, header: BmpHeader): DecodedBmp | undefined {
  const { width, height, bitsPerPixel, offset } = header;
  const stride = Math.ceil((width * bitsPerPixel) / 32) * 4;
  if (offset + stride * height > bytes.length) return undefined;
  const alpha = bitsPerPixel === 32;
  const channels = alpha ? 4 : 3;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    const row = offset + (header.topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const dst = (y * width + x) * channels;
      let src = row + x * (bitsPerPixel / 8);
      if (bitsPerPixel === 8)
        src = header.paletteOffset + 4 * Math.min(bytes[src] ?? 0, header.paletteSize - 1);
      data[dst] = bytes[src + 2] ?? 0;
      data[dst + 1] = bytes[src + 1] ?? 0;
      data[dst + 2] = bytes[src] ?? 0;
      if (alpha) data[dst + 3] = bytes[src + 3] ?? 255;
    }
  }
  // A 32-bit BI_RGB file's fourth byte is "reserved" and usually 0: all-zero means opaque, not clear.
  if (alpha && header.compression === 0 && data.every((v, i) => i % 4 !== 3 || v === 0)) {
    for (let i = 3; i < data.length; i += 4) data[i] = 255;
  }
  return { width, height, channels, data };
}
