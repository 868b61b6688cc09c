/**
 * Small files that decode to a lot of pixels: the inputs of the memory tests and benchmark (issue 14).
 * Written byte by byte so that no test or bench has to hold the pixels to make them, and no large
 * file is committed.
 */

/** Writes bits least-significant first, as VP8L reads them. */
class BitWriter {
  readonly #bits: number[] = [];

  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) this.#bits.push((value >> i) & 1);
  }

  bytes(): Buffer {
    const out = Buffer.alloc(Math.ceil(this.#bits.length / 8));
    this.#bits.forEach((bit, i) => {
      out[i >> 3] = (out[i >> 3] ?? 0) | (bit << (i % 8));
    });
    return out;
  }
}

function riff(fourcc: string, payload: Buffer): Buffer {
  const pad = payload.length % 2;
  const chunk = Buffer.alloc(8 + payload.length + pad);
  chunk.write(fourcc, 0, "ascii");
  chunk.writeUInt32LE(payload.length, 4);
  payload.copy(chunk, 8);
  const file = Buffer.alloc(12);
  file.write("RIFF", 0, "ascii");
  file.writeUInt32LE(4 + chunk.length, 4);
  file.write("WEBP", 8, "ascii");
  return Buffer.concat([file, chunk]);
}

/**
 * A lossless WebP (VP8L) of one colour, `width` × `height` (each 1–16384): every Huffman code has a
 * single symbol, so the pixels take no bits and the file is a few dozen bytes whatever its size.
 * @example
 * const bomb = solidWebp(15000, 15000); // ~40 bytes, 225 MP once decoded
 */
export function solidWebp(width: number, height: number, rgb: [number, number, number] = [200, 60, 30]) {
  if (width < 1 || height < 1 || width > 16384 || height > 16384)
    throw new RangeError(`VP8L sides are 1–16384, got ${width}x${height}`);
  const w = new BitWriter();
  w.write(0x2f, 8); // signature
  w.write(width - 1, 14);
  w.write(height - 1, 14);
  w.write(0, 1); // alpha_is_used
  w.write(0, 3); // version
  w.write(0, 1); // no transform
  w.write(0, 1); // no colour cache
  w.write(0, 1); // no meta prefix codes
  // Green, red, blue, alpha: simple codes of one 8-bit symbol; distance: one 1-bit symbol.
  for (const symbol of [rgb[1], rgb[0], rgb[2], 255]) {
    w.write(1, 1); // simple code
    w.write(0, 1); // one symbol
    w.write(1, 1); // 8-bit symbol
    w.write(symbol, 8);
  }
  w.write(1, 1);
  w.write(0, 1);
  w.write(0, 1);
  w.write(0, 1);
  return riff("VP8L", w.bytes());
}

/**
 * An animated GIF of `frames` frames on a `width` × `height` canvas whose frames are 1×1 pixels: tiny
 * on disk (≈ 25 bytes a frame), `width × height × frames` pixels once decoded.
 * @example
 * const bomb = tinyFramesGif(1000, 1000, 240); // ≈ 6 KB, 240 MP once decoded
 */
export function tinyFramesGif(width: number, height: number, frames: number): Buffer {
  const parts: Buffer[] = [];
  const screen = Buffer.alloc(13);
  screen.write("GIF89a", 0, "ascii");
  screen.writeUInt16LE(width, 6);
  screen.writeUInt16LE(height, 8);
  screen[10] = 0x80; // global colour table of 2 entries
  parts.push(screen, Buffer.from([0, 0, 0, 255, 255, 255]));
  // NETSCAPE2.0: loop forever.
  parts.push(Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from("NETSCAPE2.0"), 0x03, 0x01, 0, 0, 0]));
  for (let i = 0; i < frames; i++) {
    parts.push(Buffer.from([0x21, 0xf9, 0x04, 0x00, 10, 0, 0, 0])); // 100 ms, no disposal
    const descriptor = Buffer.alloc(10);
    descriptor[0] = 0x2c;
    descriptor.writeUInt16LE(i % width, 1);
    descriptor.writeUInt16LE(Math.floor(i / width) % height, 3);
    descriptor.writeUInt16LE(1, 5);
    descriptor.writeUInt16LE(1, 7);
    parts.push(descriptor);
    // LZW, minimum code size 2: clear (4), index 1, end (5) → 3-bit codes 100 001 101.
    parts.push(Buffer.from([0x02, 0x02, 0x4c, 0x01, 0x00]));
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}
