import { describe, expect, it } from "vitest";
import { encodeBmp } from "./bmp.ts";
import { estimateJpegQuality } from "./jpeg-quality.ts";

describe("encodeBmp", () => {
  it("writes a bottom-up 24-bit file with padded rows", () => {
    // 1x2 image: top red, bottom blue.
    const bmp = encodeBmp(Uint8Array.from([255, 0, 0, 0, 0, 255]), 1, 2, 3);
    expect(bmp.toString("ascii", 0, 2)).toBe("BM");
    expect(bmp.readUInt32LE(2)).toBe(bmp.length);
    const offset = bmp.readUInt32LE(10);
    expect(bmp.length - offset).toBe(8); // two rows of 3 bytes padded to 4
    expect([...bmp.subarray(offset, offset + 3)]).toEqual([255, 0, 0]); // bottom row first: blue as BGR
    expect([...bmp.subarray(offset + 4, offset + 7)]).toEqual([0, 0, 255]); // then red as BGR
  });

  it("writes 32-bit BGRA with channel masks when there is alpha", () => {
    const bmp = encodeBmp(Uint8Array.from([1, 2, 3, 4]), 1, 1, 4);
    expect(bmp.readUInt16LE(28)).toBe(32);
    expect(bmp.readUInt32LE(30)).toBe(3);
    expect(bmp.readUInt32LE(66)).toBe(0xff000000);
    expect([...bmp.subarray(bmp.readUInt32LE(10))]).toEqual([3, 2, 1, 4]);
  });

  it("refuses other channel counts", () => {
    expect(() => encodeBmp(new Uint8Array(2), 1, 1, 2)).toThrow(RangeError);
  });
});

describe("estimateJpegQuality", () => {
  it("is undefined for non-JPEG or table-less bytes", () => {
    expect(estimateJpegQuality(Buffer.from("GIF89a"))).toBeUndefined();
    expect(estimateJpegQuality(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
  });
});
