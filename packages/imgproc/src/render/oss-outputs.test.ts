/**
 * Our render against what the real OSS returned for `resize,w_200` of the ali-oss test image
 * (test/fixtures/oss-outputs, three captures 2017–2024).
 *
 * Metric: mean absolute difference per channel on 8-bit sRGB (0–255), images flattened on white.
 * Threshold: ≤ 1.5. For scale: the 2017 and 2024 OSS captures differ from each other by 0.47; ours
 * differs from them by 0.53 and 0.21; a 3-px blur of ours scores 5.8 and a 10-px shift 4.5.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fixture, meanAbsDiff, NODEJS_PNG } from "../../test/helpers.ts";
import { render } from "./index.ts";

const THRESHOLD = 1.5;
const CAPTURES = ["2017", "2021", "2024"].map((year) => [
  year,
  `oss-outputs/ali-oss_resize-w200_oss-output_${year}.png`,
]);

describe("resize,w_200 of ali-oss_nodejs-1024x768.png against real OSS outputs", async () => {
  const ours = await render(fixture(NODEJS_PNG), "image/resize,w_200");

  it.each(CAPTURES)("%s capture: same size, format and channels", async (_year, path) => {
    const oss = await sharp(fixture(path)).metadata();
    const mine = await sharp(ours.data).metadata();
    expect([mine.format, mine.width, mine.height, mine.channels]).toEqual([
      oss.format,
      oss.width,
      oss.height,
      oss.channels,
    ]);
    expect(ours.info).toMatchObject({ format: "png", width: 200, height: 150 });
  });

  it.each(CAPTURES)(`%s capture: looks the same (mean abs diff ≤ ${THRESHOLD})`, async (_year, path) => {
    expect(await meanAbsDiff(ours.data, fixture(path))).toBeLessThanOrEqual(THRESHOLD);
  });

  it("the metric does tell a visibly different image apart", async () => {
    const blurred = await render(fixture(NODEJS_PNG), "image/resize,w_200/blur,r_3,s_3");
    expect(await meanAbsDiff(blurred.data, fixture(CAPTURES[2]?.[1] ?? ""))).toBeGreaterThan(THRESHOLD * 2);
  });
});
