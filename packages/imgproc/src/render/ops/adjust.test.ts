import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { channelMeans, EXAMPLE_JPG, fixture } from "../../../test/helpers.ts";
import { render } from "../index.ts";

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function spread(image: Buffer): Promise<number> {
  const stats = await sharp(image).stats();
  return mean(stats.channels.slice(0, 3).map((c) => c.stdev));
}

/** Sum of absolute differences between neighbouring pixels: higher = sharper. */
async function edgeEnergy(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 1; i < data.length; i++)
    if (i % info.width !== 0) sum += Math.abs((data[i] ?? 0) - (data[i - 1] ?? 0));
  return sum / data.length;
}

describe("colour adjustments (approximations of undocumented OSS formulas)", () => {
  const png = (style: string) => render(fixture(EXAMPLE_JPG), `${style}/format,png`).then((r) => r.data);

  it("bright raises and lowers every channel; 0 changes nothing", async () => {
    const base = mean(await channelMeans(await png("image/bright,0")));
    expect(mean(await channelMeans(await png("image/bright,50")))).toBeGreaterThan(base + 40);
    expect(mean(await channelMeans(await png("image/bright,-50")))).toBeLessThan(base - 40);
  });

  it("contrast widens or flattens the spread; −100 is flat grey", async () => {
    const base = await spread(await png("image/contrast,0"));
    expect(await spread(await png("image/contrast,50"))).toBeGreaterThan(base * 1.3);
    expect(await spread(await png("image/contrast,-100"))).toBeLessThan(1);
  });

  it("blur lowers edge energy; sharpen raises it", async () => {
    const base = await edgeEnergy(await png("image/resize,w_200"));
    expect(await edgeEnergy(await png("image/resize,w_200/blur,r_3,s_2"))).toBeLessThan(base * 0.7);
    expect(await edgeEnergy(await png("image/resize,w_200/sharpen,200"))).toBeGreaterThan(base * 1.1);
  });

  it("blur,g_face blurs the whole image and says why", async () => {
    const { warnings, info } = await render(fixture(EXAMPLE_JPG), "image/blur,r_5,s_5,g_face,p_100");
    expect(info).toMatchObject({ width: 400, height: 267 });
    expect(warnings.join()).toMatch(/face detection/);
  });

  it("bright and contrast keep the frames of an animated GIF", async () => {
    const { info } = await render(fixture("images/animated-loop-3.gif"), "image/bright,20/contrast,10");
    expect(info).toMatchObject({ format: "gif", frames: 10 });
  });
});
