import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RenderError } from "@style-console/imgproc/render";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { BucketObjects, GetOptions } from "../buckets/bucket-objects.ts";
import type { BucketStyles, ManagedBucket } from "../buckets/bucket-styles.ts";
import { HttpError } from "../http/error.ts";
import { SAMPLES_DIR } from "../testing/harness.ts";
import { ByteLru } from "./cache/byte-lru.ts";
import { createPreviewService, type Rendered, toHttpError } from "./preview-service.ts";
import { RenderQueue } from "./queue/render-queue.ts";
import { BuiltinSamples } from "./sources/builtin.ts";
import { ObjectSources } from "./sources/object-sources.ts";
import { UploadStore } from "./sources/uploads.ts";

/** A bucket whose every GetObject hangs until it is aborted: a watermark download that never ends. */
function hangingBucket() {
  const gets: GetOptions[] = [];
  const objects: BucketObjects = {
    list: async () => ({ objects: [], nextCursor: null }),
    etag: async () => '"mark"',
    get: (_key, options) =>
      new Promise((_, reject) => {
        gets.push(options);
        options.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      }),
  };
  const bucket: ManagedBucket = {
    name: "photos",
    region: "cn-hangzhou",
    endpoint: "http://127.0.0.1",
    styleLimit: 50,
    styles: {} as BucketStyles,
    objects,
    logs: {} as ManagedBucket["logs"],
  };
  return { bucket, gets };
}

const uploadsDir = mkdtempSync(join(tmpdir(), "sc-preview-"));
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

describe("createPreviewService", () => {
  it("downloads a watermark outside the render slot and cancels it when the client leaves", async () => {
    const { bucket, gets } = hangingBucket();
    let rendersStarted = 0;
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1 });
    const service = createPreviewService({
      buckets: [bucket],
      samples: new BuiltinSamples(SAMPLES_DIR),
      uploads: new UploadStore(uploadsDir),
      objects: new ObjectSources(),
      queue,
      results: new ByteLru<Rendered>(1024 * 1024, (r) => r.data.length),
      version: "test",
      beforeRender: async () => {
        rendersStarted++;
      },
    });
    const client = new AbortController();
    const mark = Buffer.from("logo.png").toString("base64url");
    const answer = service
      .preview({ source: "sample:flowers", process: `image/watermark,image_${mark}` }, client.signal)
      .catch((e: unknown) => e);
    // The sample is read and probed first; under load that takes a while, so wait for the download itself.
    await vi.waitFor(() => expect(gets).toHaveLength(1), { timeout: 10_000 });
    // Downloading, yet no render slot is taken.
    expect(queue.stats).toMatchObject({ active: 0, waiting: 0 });
    client.abort();
    expect(await answer).toMatchObject({ status: 499 });
    expect(gets[0]?.signal?.aborted).toBe(true);
    expect(rendersStarted).toBe(0);
  });
});

describe("a render's timeout (decision 031)", () => {
  const timeout = (limit: "cpu" | "wall") => {
    const error = new RenderError(503, "ProcessTimeout", "Image processing took too long.");
    error.operation = "blur,r_50,s_50/encode png";
    error.limit = limit;
    return toHttpError(error, 20_000) as HttpError;
  };

  it("is too expensive (422, named, no Retry-After) when its CPU time ran out", () => {
    const answer = timeout("cpu");
    expect(answer).toBeInstanceOf(HttpError);
    expect([answer.status, answer.code]).toEqual([422, "PreviewTooExpensive"]);
    expect(answer.message).toContain("more than 20 s of CPU time");
    expect(answer.extra.details).toMatchObject({ reason: "time", operation: "blur,r_50,s_50/encode png" });
    expect(answer.extra.headers).toBeUndefined();
  });

  it("is busy (503 with Retry-After) when the wall-clock backstop came first", () => {
    const answer = timeout("wall");
    expect([answer.status, answer.code]).toEqual([503, "PreviewBusy"]);
    expect(answer.extra.headers).toEqual({ "Retry-After": "5" });
    expect(answer.message).toContain("`blur,r_50,s_50/encode png`");
  });
});

describe("preview ETags and the installed fonts", () => {
  it("a text watermark's ETag changes when the fonts do; a draft without text ignores them", async () => {
    let fonts = "latin-only";
    const service = createPreviewService({
      buckets: [],
      samples: new BuiltinSamples(SAMPLES_DIR),
      uploads: new UploadStore(uploadsDir),
      objects: new ObjectSources(),
      queue: new RenderQueue({ concurrency: 1, maxWaiting: 4 }),
      results: new ByteLru<Rendered>(16 * 1024 * 1024, (r) => r.data.length),
      version: "test",
      fontsFingerprint: async () => fonts,
    });
    const etag = async (process: string) => {
      const answer = await service.preview({ source: "sample:image-demo_example", process });
      if (answer.notModified) throw new Error("unexpected 304");
      return answer.etag;
    };
    const text = `image/resize,w_50/watermark,text_${Buffer.from("你好").toString("base64url")}`;
    const plain = "image/resize,w_50";
    const [textBefore, plainBefore] = [await etag(text), await etag(plain)];
    fonts = "with-cjk";
    expect(await etag(text)).not.toBe(textBefore);
    expect(await etag(plain)).toBe(plainBefore);
  });
});
