import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture, pixelAt } from "../../../test/helpers.ts";
import type { CropOp, Gravity } from "../../syntax/ast.ts";
import { isRenderError, render } from "../index.ts";
import { centerRect, cropRect, indexRect } from "./crop.ts";

// The anchor model of the Decisions on a 400x267 image with a 200x200 box.
const ORIGINS: Array<[Gravity, number, number]> = [
  ["nw", 0, 0],
  ["north", 100, 0],
  ["ne", 200, 0],
  ["west", 0, 33],
  ["center", 100, 33],
  ["east", 200, 33],
  ["sw", 0, 67],
  ["south", 100, 67],
  ["se", 200, 67],
];

describe("cropRect", () => {
  it.each(ORIGINS)("g_%s starts at (%i, %i)", (g, left, top) => {
    expect(cropRect(400, 267, { op: "crop", w: 200, h: 200, g })).toEqual({
      left,
      top,
      width: 200,
      height: 200,
    });
  });

  it("adds x/y to the origin and clips at the edge", () => {
    expect(cropRect(400, 267, { op: "crop", x: 100, y: 50, w: 100, h: 100 })).toEqual({
      left: 100,
      top: 50,
      width: 100,
      height: 100,
    });
    expect(cropRect(400, 267, { op: "crop", x: 350, y: 250, w: 100, h: 100 })).toEqual({
      left: 350,
      top: 250,
      width: 50,
      height: 17,
    });
    expect(cropRect(400, 267, { op: "crop", x: 10 } as CropOp)).toEqual({
      left: 10,
      top: 0,
      width: 390,
      height: 267,
    });
  });

  it("refuses an origin outside the image with OSS's message", () => {
    try {
      cropRect(400, 267, { op: "crop", x: 500, y: 10 });
      expect.unreachable();
    } catch (error) {
      expect(isRenderError(error) && [error.status, error.code, error.message]).toEqual([
        400,
        "BadRequest",
        "Advance cut's position is out of image.",
      ]);
    }
  });
});

describe("indexRect and centerRect", () => {
  it("cuts slices along x or y (y wins), short last slice included", () => {
    expect(indexRect(400, 267, { op: "indexcrop", x: 100, i: 3 })).toEqual({
      left: 300,
      top: 0,
      width: 100,
      height: 267,
    });
    expect(indexRect(400, 267, { op: "indexcrop", x: 100, y: 100, i: 2 })).toEqual({
      left: 0,
      top: 200,
      width: 400,
      height: 67,
    });
    expect(indexRect(400, 267, { op: "indexcrop", y: 100, i: 10 })).toBeUndefined();
  });

  it("JD cc takes the largest centred w:h rectangle", () => {
    expect(centerRect(400, 200, { op: "jd-cc", w: 1, h: 1 })).toEqual({
      left: 100,
      top: 0,
      width: 200,
      height: 200,
    });
  });
});

describe("crop through render", () => {
  it("g_se on the demo image takes the bottom-right corner", async () => {
    const source = fixture(EXAMPLE_JPG);
    const { data, info } = await render(source, "image/crop,w_200,h_200,g_se/format,png");
    expect(info).toMatchObject({ width: 200, height: 200, format: "png" });
    const [r1, g1, b1] = await pixelAt(data, 199, 199);
    const [r2, g2, b2] = await pixelAt(source, 399, 266);
    expect(Math.abs(r1 - r2) + Math.abs(g1 - g2) + Math.abs(b1 - b2)).toBeLessThan(30);
  });

  it("indexcrop past the last slice returns the original size", async () => {
    expect((await render(fixture(EXAMPLE_JPG), "image/indexcrop,y_100,i_10")).info).toMatchObject({
      width: 400,
      height: 267,
    });
    expect((await render(fixture(EXAMPLE_JPG), "image/indexcrop,x_100,i_1")).info).toMatchObject({
      width: 100,
      height: 267,
    });
  });

  it("crop then rotate runs in the written order", async () => {
    const { info } = await render(fixture(EXAMPLE_JPG), "image/crop,w_100,h_50/rotate,90");
    expect(info).toMatchObject({ width: 50, height: 100 });
  });
});
