import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../testing/harness.ts";
import { type ImageKind, sniffImage } from "./sniff.ts";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const cases: Array<[string, Buffer, ImageKind | undefined]> = [
  ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF"), "jpg"],
  ["PNG", bytes("\x89PNG\r\n\x1a\n"), "png"],
  ["GIF89a", bytes("GIF89a\x01\0"), "gif"],
  ["WebP", bytes("RIFF\0\0\0\0WEBPVP8 "), "webp"],
  ["BMP", bytes("BM\0\0\0\0"), "bmp"],
  ["TIFF (little-endian)", bytes("II*\0\x08\0"), "tiff"],
  ["AVIF", bytes("\0\0\0\x1cftypavif"), "avif"],
  ["HEIC", bytes("\0\0\0\x18ftypheic"), "heic"],
  ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
  ["PDF", bytes("%PDF-1.7"), undefined],
  ["MP4 (ftyp, not an image brand)", bytes("\0\0\0\x18ftypisom"), undefined],
  ["too short", bytes([0xff, 0xd8]), undefined],
];

describe("sniffImage", () => {
  it.each(cases)("%s", (_, input, expected) => {
    expect(sniffImage(input)).toBe(expected);
  });

  it("recognises the built-in samples by content", () => {
    expect(sniffImage(readFileSync(`${SAMPLES_DIR}/4.webp`))).toBe("webp");
    expect(sniffImage(readFileSync(`${SAMPLES_DIR}/embedgravitybird.png`))).toBe("png");
  });
});
