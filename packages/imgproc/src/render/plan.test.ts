import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture } from "../../test/helpers.ts";
import { toProcess } from "./parse.ts";
import { DEFAULT_QUALITY, plan } from "./plan.ts";
import { probe } from "./source.ts";

/** The output quality plan() decides for `style` on a fixture. */
async function qualityOf(path: string, style: string): Promise<number> {
  const source = await probe(fixture(path), undefined);
  const parsed = toProcess(style);
  if (!parsed || (parsed.kind !== "image" && parsed.kind !== "img")) throw new Error(`not a chain: ${style}`);
  return plan(source, parsed.operations).quality;
}

const WEBP = "images/5_webp_a.webp"; // WebP sources count as quality 85 (JD's documented estimate)

describe("quality on a WebP source (A.2.11: q behaves like Q there)", () => {
  it.each([
    ["image/quality,q_90", 85],
    ["image/quality,q_50", 50],
    ["image/quality,Q_90", 85],
    ["image/quality,Q_50", 50],
    ["?x-oss-process=img/q/95", 85],
    ["image/resize,w_10", DEFAULT_QUALITY],
  ])("%s → %i", async (style, expected) => {
    expect(await qualityOf(WEBP, style)).toBe(expected);
  });
});

describe("quality on a JPEG source (estimated at 82)", () => {
  it.each([
    ["image/quality,q_90", 74],
    ["image/quality,Q_90", 82],
    ["image/quality,q_50,Q_70", 70],
  ])("%s → %i", async (style, expected) => {
    expect(await qualityOf(EXAMPLE_JPG, style)).toBe(expected);
  });
});

describe("quality on a source without one (PNG)", () => {
  it("takes q and Q as they are", async () => {
    const png = "oss-demo-images/ali-oss_nodejs-1024x768.png";
    expect(await qualityOf(png, "image/quality,q_90")).toBe(90);
    expect(await qualityOf(png, "image/quality,Q_40")).toBe(40);
  });
});
