import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture, meanAbsDiff, pixelAt } from "../../test/helpers.ts";
import { decodeBmp, encodeBmp, readBmpHeader } from "./bmp.ts";
import { render } from "./index.ts";
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

describe("BMP sources", () => {
  it("round-trips: our BMP output renders back like the original", async () => {
    const bmp = (await render(fixture(EXAMPLE_JPG), "image/format,bmp")).data;
    const viaBmp = await render(bmp, "image/resize,w_100/format,png");
    const direct = await render(fixture(EXAMPLE_JPG), "image/resize,w_100/format,png");
    expect(viaBmp.info).toMatchObject({ width: 100, height: 67, format: "png" });
    expect(await meanAbsDiff(viaBmp.data, direct.data)).toBeLessThan(2);
    expect(JSON.parse((await render(bmp, "image/info")).data.toString())).toMatchObject({
      Format: { value: "bmp" },
    });
  });

  it("keeps a 32-bit BMP's transparency", async () => {
    const bmp = (await render(fixture(EXAMPLE_JPG), "image/circle,r_50/format,bmp")).data;
    const png = await render(bmp, "image/format,png");
    expect((await pixelAt(png.data, 0, 0))[3]).toBe(0);
    expect((await pixelAt(png.data, 50, 50))[3]).toBe(255);
  });

  it("reads 32-bit BI_RGB with an all-zero fourth byte as opaque", () => {
    const file = encodeBmp(Uint8Array.from([10, 20, 30, 0]), 1, 1, 4);
    file.writeUInt32LE(0, 30); // BI_RGB
    const header = readBmpHeader(file);
    expect(header && decodeBmp(file, header)?.data).toEqual(Buffer.from([10, 20, 30, 255]));
  });

  it("refuses a truncated BMP and a BMP bomb with typed errors", async () => {
    const bmp = (await render(fixture(EXAMPLE_JPG), "image/format,bmp")).data;
    await expect(render(bmp.subarray(0, 5000), "image/info")).rejects.toMatchObject({ code: "BadRequest" });
    const bomb = Buffer.from(bmp.subarray(0, 54));
    bomb.writeInt32LE(40_000, 18);
    await expect(render(bomb, "image/info")).rejects.toMatchObject({ code: "ImageTooLarge" });
  });
});
