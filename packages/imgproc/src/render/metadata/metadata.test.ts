import { describe, expect, it } from "vitest";
import { EXAMPLE_GIF, EXAMPLE_JPG, F_JPG, fixture, solid } from "../../../test/helpers.ts";
import { render } from "../index.ts";
import { readExif } from "./exif.ts";

const body = async (input: Buffer, style: string) => {
  const result = await render(input, style);
  expect(result.contentType).toBe("application/json");
  return JSON.parse(result.data.toString("utf8"));
};

describe("image/info", () => {
  it("reports the documented fields of example.jpg", async () => {
    expect(await body(fixture(EXAMPLE_JPG), "image/info")).toMatchObject({
      FileSize: { value: "21839" },
      Format: { value: "jpg" },
      FrameCount: { value: "1" },
      ImageHeight: { value: "267" },
      ImageWidth: { value: "400" },
    });
  });

  it("reports f.jpg's stored size, orientation and JFIF resolution", async () => {
    expect(await body(fixture(F_JPG), "image/info")).toMatchObject({
      ImageWidth: { value: "424" },
      ImageHeight: { value: "333" },
      Orientation: { value: "7" },
      XResolution: { value: "96/1" },
      YResolution: { value: "96/1" },
      ResolutionUnit: { value: "2" },
    });
  });

  it("counts GIF frames", async () => {
    expect((await body(fixture(EXAMPLE_GIF), "image/info")).FrameCount).toEqual({ value: "3" });
  });
});

describe("image/average-hue", () => {
  it("answers the mean colour as 0xRRGGBB", async () => {
    expect(await body(await solid(50, 50, "#5c783b"), "image/average-hue")).toEqual({ RGB: "0x5c783b" });
  });

  it("sees the operations written before it", async () => {
    const input = await solid(100, 100, "#ff0000");
    const padded = await body(input, "image/resize,m_pad,w_100,h_200,limit_0,color_0000FF/average-hue");
    expect(padded).toEqual({ RGB: "0x800080" });
  });
});

describe("JD imginfo and imgexif", () => {
  it("imginfo answers JD's six fields", async () => {
    expect(await body(fixture(EXAMPLE_JPG), "?x-oss-process=imginfo")).toEqual({
      format: "JPEG",
      width: 400,
      height: 267,
      fileSize: 21839,
      imgType: 6,
      orientation: 1,
    });
  });

  it("imginfo reports alpha and palette types (ImageMagick's enum)", async () => {
    // The flag is a palette PNG with transparency: PaletteAlpha (5); the WebP is TrueColorAlpha (7).
    expect((await body(fixture("images/Flag_of_the_Netherlands-alpha.png"), "?imginfo")).imgType).toBe(5);
    expect((await body(fixture("images/5_webp_a.webp"), "?imginfo")).imgType).toBe(7);
  });

  it("imgexif answers the EXIF tags as strings", async () => {
    const exif = await body(fixture(F_JPG), "?x-oss-process=imgexif");
    expect(exif.Orientation).toBe("7");
    expect(typeof exif.DateTime).toBe("string");
  });

  it("readExif survives garbage", () => {
    expect(readExif(Buffer.from("Exif\0\0MM\0*\0\0\0\x08\xff\xff"))).toEqual({});
    expect(readExif(undefined)).toEqual({});
  });
});
