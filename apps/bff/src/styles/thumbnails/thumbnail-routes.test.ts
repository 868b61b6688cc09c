import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, startHarness } from "../../testing/harness.ts";

let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const thumb = (content: string, extra = "", headers: Record<string, string> = {}, bucket = "photos") =>
  h.request(`/api/buckets/${bucket}/thumbnails?content=${encodeURIComponent(content)}${extra}`, {
    headers: { ...browser, ...headers },
  });

describe("GET /api/buckets/:bucket/thumbnails", () => {
  it("renders the content on the default sample as a WebP within 128×128, with the style's shape", async () => {
    const res = await thumb("image/crop,w_200,h_100,g_center");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    // 200×100 cropped from the 400×267 sample, fitted into 128×128: the 2:1 shape survives.
    expect(meta.width).toBe(128);
    expect(meta.height).toBe(64);
  });

  it("is cached by content and sample: the second request is a hit, another content a miss", async () => {
    const first = await thumb("image/resize,w_90");
    expect(first.headers.get("x-thumbnail-cache")).toBe("miss");
    const again = await thumb("image/resize,w_90");
    expect(again.headers.get("x-thumbnail-cache")).toBe("hit");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    const other = await thumb("image/resize,w_91");
    expect(other.headers.get("x-thumbnail-cache")).toBe("miss");
    expect(other.headers.get("etag")).not.toBe(first.headers.get("etag"));
    const onFlowers = await thumb("image/resize,w_90", "&sample=flowers");
    expect(onFlowers.status).toBe(200);
    expect(onFlowers.headers.get("etag")).not.toBe(first.headers.get("etag"));
  });

  it("answers 304 to its ETag, with no body", async () => {
    const first = await thumb("image/rotate,90");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const res = await thumb("image/rotate,90", "", { "If-None-Match": etag });
    expect(res.status).toBe(304);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("makes a new thumbnail when a watermark image it draws is replaced, and only then", async () => {
    const mark = (color: string) =>
      sharp({ create: { width: 40, height: 40, channels: 3, background: color } })
        .png()
        .toBuffer();
    await h.oss.putObject("thumb-mark.png", await mark("#ff0000"), { bucket: "photos" });
    const content = `image/resize,w_200/watermark,image_${Buffer.from("thumb-mark.png").toString("base64url")},g_se`;
    const first = await thumb(content);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") ?? "";
    expect((await thumb(content)).headers.get("x-thumbnail-cache")).toBe("hit");
    expect((await thumb(content, "", { "If-None-Match": etag })).status).toBe(304);
    await h.oss.putObject("thumb-mark.png", await mark("#0000ff"), { bucket: "photos" });
    const replaced = await thumb(content, "", { "If-None-Match": etag });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get("x-thumbnail-cache")).toBe("miss");
    expect(replaced.headers.get("etag")).not.toBe(etag);
    const before = await sharp(Buffer.from(await first.arrayBuffer()))
      .raw()
      .toBuffer();
    const after = await sharp(Buffer.from(await replaced.arrayBuffer()))
      .raw()
      .toBuffer();
    expect(after.equals(before)).toBe(false);
  });

  it("answers 204 (no thumbnail) for a style whose answer is not an image", async () => {
    const res = await thumb("image/info");
    expect(res.status).toBe(204);
  });

  it("refuses bad content (400 with the position), an unknown sample (404) and an unknown bucket (404)", async () => {
    const bad = await thumb("image/resize,w_abc");
    expect(bad.status).toBe(400);
    const noSample = await thumb("image/resize,w_10", "&sample=no-such-sample");
    expect(noSample.status).toBe(404);
    expect((await errorOf(noSample)).error.code).toBe("NoSuchSample");
    const noBucket = await thumb("image/resize,w_10", "", {}, "not-managed");
    expect(noBucket.status).toBe(404);
    expect((await errorOf(noBucket)).error.code).toBe("UnknownBucket");
  });
});
