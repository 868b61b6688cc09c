import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ObjectPage } from "@style-console/contract/dto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, errorOf, type Harness, jsonOf, SAMPLES_DIR, startHarness } from "../testing/harness.ts";

const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name));
const b64 = (text: string) => Buffer.from(text).toString("base64url");

let h: Harness;
const get = (path: string, headers: Record<string, string> = {}) =>
  h.request(path, { headers: { ...bearer, ...headers } });
const preview = (source: string, process: string, extra = "") =>
  get(`/api/preview?source=${encodeURIComponent(source)}&process=${encodeURIComponent(process)}${extra}`);

beforeAll(async () => {
  h = await startHarness({ preview: { maxSourceBytes: 1024 * 1024 } });
  await h.oss.putObject("street.jpg", sample("2569067123_aca715a2ee_o.jpg"), { bucket: "photos" });
  await h.oss.putObject("dir/example.jpg", sample("image-demo_example.jpg"), { bucket: "photos" });
  await h.oss.putObject("dir/flowers.jpg", sample("flowers.jpeg"), { bucket: "photos" });
  await h.oss.putObject("dir/notes.txt", "not an image", { bucket: "photos" });
  await h.oss.putObject("logo.png", sample("embedgravitybird.png"), { bucket: "photos" });
});
afterAll(() => h.close());

describe("GET /api/preview", () => {
  it("renders a built-in sample as OSS would, with its facts in headers", async () => {
    const res = await preview("sample:flowers", "image/resize,w_300/format,png");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const body = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 300, 169]);
    expect(res.headers.get("X-Image-Width")).toBe("300");
    expect(res.headers.get("X-Image-Height")).toBe("169");
    expect(res.headers.get("X-Image-Format")).toBe("png");
    expect(res.headers.get("X-Image-Frames")).toBe("1");
    expect(res.headers.get("Content-Length")).toBe(String(body.length));
    expect(res.headers.get("Cache-Control")).toMatch(/^private/);
    expect(res.headers.get("Server-Timing")).toMatch(/fetch;dur=[\d.]+.*render;dur=[\d.]+/);
    expect(res.headers.get("ETag")).toMatch(/^"[\w-]{32}"$/);
  });

  it("passes the renderer's warnings (a font substitution) percent-encoded, and none when there are none", async () => {
    const draft = `image/resize,w_300/watermark,text_${b64("预览")},type_${b64("fangzhengkaiti")},size_40`;
    const res = await preview("sample:flowers", draft);
    expect(res.status).toBe(200);
    const header = res.headers.get("X-Preview-Warnings") ?? "";
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    const warnings = header.split(",").map(decodeURIComponent);
    expect(warnings.some((w) => /font/i.test(w))).toBe(true);
    expect(
      (await preview("sample:flowers", "image/resize,w_10")).headers.get("X-Preview-Warnings"),
    ).toBeNull();
  });

  it("serves the original when the draft is empty", async () => {
    const res = await preview("sample:image-demo_example", "");
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(sample("image-demo_example.jpg"))).toBe(true);
    expect([res.headers.get("X-Image-Width"), res.headers.get("X-Image-Height")]).toEqual(["400", "267"]);
  });

  it("renders a bucket object fetched with a signed GetObject", async () => {
    const res = await preview("object:photos/street.jpg", "image/resize,w_400/format,webp");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/webp");
    expect(res.headers.get("X-Image-Width")).toBe("400");
    expect(res.headers.get("X-Image-Height")).toBe("327");
  });

  it("answers info and average-hue as JSON", async () => {
    const info = await preview("object:photos/dir/example.jpg", "image/info");
    expect(info.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(await info.json()).toMatchObject({ ImageWidth: { value: "400" }, ImageHeight: { value: "267" } });
    const hue = await preview("sample:flowers", "image/average-hue");
    expect(await hue.json()).toEqual({ RGB: expect.stringMatching(/^0x[0-9a-f]{6}$/) });
  });

  it("refuses a syntax error with 400 and the positioned problems", async () => {
    const res = await preview("sample:flowers", "image/resize,w_0");
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.error.code).toBe("InvalidProcess");
    expect(body.error.details?.errors?.[0]).toMatchObject({ offset: 15, length: expect.any(Number) });
    expect(body.error.message).toMatch(/at character 16/);
  });

  it("answers 304 to a matching If-None-Match and serves a repeat from the LRU without rendering", async () => {
    const first = await preview("sample:concert", "image/resize,w_120");
    expect(first.headers.get("X-Preview-Cache")).toBe("miss");
    const etag = first.headers.get("ETag") ?? "";
    const renders = h.api.preview.queue.stats.completed;

    const revalidated = await get(
      `/api/preview?source=sample:concert&process=${encodeURIComponent("image/resize,w_120")}`,
      { "If-None-Match": etag },
    );
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("ETag")).toBe(etag);
    expect(await revalidated.text()).toBe("");

    const again = await preview("sample:concert", "image/resize,w_120");
    expect(again.status).toBe(200);
    expect(again.headers.get("X-Preview-Cache")).toBe("hit");
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    expect(h.api.preview.queue.stats.completed).toBe(renders);

    // The canonical text is hashed, not the typed one; another draft is another tag.
    const spaced = await preview("sample:concert", " image/resize,w_120 ");
    expect(spaced.headers.get("ETag")).toBe(etag);
    const other = await preview("sample:concert", "image/resize,w_121");
    expect(other.headers.get("ETag")).not.toBe(etag);
  });

  it("fetches an object once per ETag: other drafts on it only ask OSS for the current ETag", async () => {
    await h.oss.putObject("once.jpg", sample("flowers.jpeg"), { bucket: "photos" });
    const calls = (method: string) =>
      h.ossRequests.filter((l) => l.startsWith(`${method} /photos/once.jpg `)).length;
    expect((await preview("object:photos/once.jpg", "image/resize,w_80")).status).toBe(200);
    expect((await preview("object:photos/once.jpg", "image/resize,w_81")).status).toBe(200);
    expect((await preview("object:photos/once.jpg", "image/rotate,90")).status).toBe(200);
    expect(calls("GET")).toBe(1);
    expect(calls("HEAD")).toBe(3);
  });

  it("downloads an object once when several previews of it arrive together on a cold cache", async () => {
    await h.oss.putObject("together.jpg", sample("flowers.jpeg"), { bucket: "photos" });
    const gets = () => h.ossRequests.filter((l) => l.startsWith("GET /photos/together.jpg ")).length;
    const drafts = ["", "image/resize,w_90", "image/resize,w_91", "image/rotate,180"];
    const answers = await Promise.all(drafts.map((d) => preview("object:photos/together.jpg", d)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(gets()).toBe(1);
  });

  it("gives a replaced object a new ETag (sources are keyed by bucket, key and ETag)", async () => {
    await h.oss.putObject("swap.jpg", sample("concert.jpg"), { bucket: "photos" });
    const before = await preview("object:photos/swap.jpg", "image/resize,w_50");
    await h.oss.putObject("swap.jpg", sample("flowers.jpeg"), { bucket: "photos" });
    const after = await preview("object:photos/swap.jpg", "image/resize,w_50");
    expect(after.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
    expect(after.headers.get("X-Image-Height")).toBe("28");
  });

  it("resolves style/<name> from the bucket, and a re-saved style changes the ETag", async () => {
    await h.oss.putStyle("small", "image/resize,w_64", { bucket: "avatars" });
    const first = await preview("sample:flowers", "style/small", "&bucket=avatars");
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Image-Width")).toBe("64");
    await h.oss.putStyle("small", "image/resize,w_32", { bucket: "avatars" });
    const second = await preview("sample:flowers", "style/small", "&bucket=avatars");
    expect(second.headers.get("X-Image-Width")).toBe("32");
    expect(second.headers.get("ETag")).not.toBe(first.headers.get("ETag"));
    expect((await preview("sample:flowers", "style/none", "&bucket=avatars")).status).toBe(404);
  });

  it("draws image watermarks from the bucket, and says which one is missing", async () => {
    const ok = await preview(
      "object:photos/dir/flowers.jpg",
      `image/resize,w_400/watermark,image_${b64("logo.png?x-oss-process=image/resize,P_20")},g_se`,
    );
    expect(ok.status).toBe(200);
    const plain = await preview("object:photos/dir/flowers.jpg", "image/resize,w_400");
    const [a, b] = await Promise.all(
      [ok, plain].map(async (r) =>
        sharp(Buffer.from(await r.arrayBuffer()))
          .raw()
          .toBuffer(),
      ),
    );
    expect(a?.equals(b ?? Buffer.alloc(0))).toBe(false);
    const missing = await preview(
      "object:photos/dir/flowers.jpg",
      `image/watermark,image_${b64("nope.png")}`,
    );
    expect(missing.status).toBe(404);
  });

  it("draws a JD wmi watermark from the bucket its `bucket:object` names", async () => {
    const jd = (wk: string) => `img/s/300/200/wmi/wk/${b64(wk)}/wp/1/wd/100`;
    const marked = await preview("sample:flowers", jd("photos:logo.png"), "&bucket=avatars");
    expect(marked.status).toBe(200);
    expect(marked.headers.get("X-Image-Width")).toBe("300");
    expect((await preview("sample:flowers", jd("avatars:logo.png"), "&bucket=photos")).status).toBe(404);
    expect((await preview("sample:flowers", jd("elsewhere:logo.png"))).status).toBe(404);
  });

  it("refuses unknown sources, buckets and objects, and objects past the size cap", async () => {
    expect((await errorOf(await preview("upload:x", ""))).error.code).toBe("InvalidSource");
    expect((await errorOf(await preview("sample:nope", ""))).error.code).toBe("NoSuchSample");
    expect((await errorOf(await preview("object:elsewhere/a.jpg", ""))).error.code).toBe("UnknownBucket");
    const missing = await preview("object:photos/missing.jpg", "");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).error.requestId).toMatch(/^[0-9A-F]{24}$/i);
    // street.jpg is 829 KB; the harness caps sources at 1 MB, so a bigger object is refused.
    await h.oss.putObject("huge.png", Buffer.alloc(1024 * 1024 + 1), { bucket: "photos" });
    expect((await preview("object:photos/huge.png", "")).status).toBe(413);
  });

  it("answers a key OSS cannot hold (over 1023 bytes) with 400, never a 500", async () => {
    const res = await preview(`object:photos/${"k".repeat(1024)}.jpg`, "");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("InvalidArgument");
  });

  it("needs a session", async () => {
    expect((await h.request("/api/preview?source=sample:flowers")).status).toBe(401);
    expect((await h.request("/api/preview/parity?source=object:photos/street.jpg")).status).toBe(401);
    expect((await h.request("/api/buckets/photos/objects")).status).toBe(401);
  });
});

describe("GET /api/buckets/:bucket/objects", () => {
  it("lists images only, under a prefix, page by page", async () => {
    const first = await jsonOf<ObjectPage>(await get("/api/buckets/photos/objects?prefix=dir/&limit=2"));
    expect(first.objects.map((o) => o.key)).toEqual(["dir/example.jpg", "dir/flowers.jpg"]);
    expect(first.objects[0]).toMatchObject({
      size: sample("image-demo_example.jpg").length,
      etag: expect.any(String),
    });
    expect(first.nextCursor).not.toBeNull();
    const next = await jsonOf<ObjectPage>(
      await get(
        `/api/buckets/photos/objects?prefix=dir/&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`,
      ),
    );
    expect(next).toEqual({ objects: [], nextCursor: null }); // notes.txt is not an image
    expect((await get("/api/buckets/nowhere/objects")).status).toBe(404);
  });
});
