import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { solidWebp, tinyFramesGif } from "@style-console/imgproc/testing";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ADMIN_TOKEN, errorOf, type Harness, SAMPLES_DIR, startHarness } from "../testing/harness.ts";

// Issue 14, part 4: inputs within the documented limits that exhausted memory or time.

const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const MB = 1024 * 1024;

function upload(bytes: Uint8Array, name: string): RequestInit {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return { method: "POST", headers: bearer, body: form };
}

const preview = (source: string, process: string) =>
  `/api/preview?source=${encodeURIComponent(source)}&process=${encodeURIComponent(process)}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ preview: { memoryBytes: 256 * MB, maxWaitMs: 200 } });
  await h.oss.putObject("huge.webp", solidWebp(15000, 15000), { bucket: "photos" });
  await h.oss.putObject("street.jpg", readFileSync(join(SAMPLES_DIR, "2569067123_aca715a2ee_o.jpg")), {
    bucket: "photos",
  });
});
afterAll(() => h.close());

describe("memory: admission by the estimate from the header", () => {
  it("refuses the upload of a 15000×15000 WebP (2.2 GB to check before) with the reason, without decoding it", async () => {
    const res = await h.request("/api/samples", upload(solidWebp(15000, 15000), "huge.webp"));
    expect(res.status).toBe(422);
    const { error } = await errorOf(res);
    expect(error.code).toBe("ImageTooExpensive");
    expect(error.message).toMatch(/15000×15000 WEBP needs about \d+ MB to decode; previews may use 256 MB/);
    expect(h.api.preview.queue.stats).toMatchObject({ completed: 0, active: 0 });
  });

  it("refuses a blur of that WebP as a bucket object (three of them took 4.19 GB) at once, naming the step", async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        h.request(preview("object:photos/huge.webp", "image/blur,r_3,s_2"), { headers: bearer }),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(422);
      const { error } = await errorOf(res);
      expect(error.code).toBe("PreviewTooExpensive");
      expect(error.message).toMatch(/^`encode webp` on this 15000×15000 WEBP image needs about \d+ MB/);
      expect(error.details).toMatchObject({ operation: "encode webp", reason: "memory", limitMB: 256 });
    }
    // Nothing was decoded: no render ever took a slot.
    expect(h.api.preview.queue.stats.completed).toBe(0);
  });

  it("counts a watermark image too: a 32-byte 15000×15000 WebP as the logo is refused, by name", async () => {
    const mark = Buffer.from("huge.webp").toString("base64url");
    const res = await h.request(
      preview("object:photos/street.jpg", `image/resize,w_100/watermark,image_${mark}`),
      {
        headers: bearer,
      },
    );
    const { error } = await errorOf(res);
    expect([res.status, error.code]).toEqual([422, "PreviewTooExpensive"]);
    expect(error.message).toMatch(/^The watermark image "huge\.webp" brings this preview to about \d+ MB/);
  });

  it("still renders what fits: that WebP's header facts, and an animated thumbnail of a many-frame GIF", async () => {
    const info = await h.request(preview("object:photos/huge.webp", "image/info"), { headers: bearer });
    expect(info.status).toBe(200);
    // 24 frames, not 240: the render takes seconds on a busy machine at 240.
    await h.oss.putObject("frames.gif", tinyFramesGif(1000, 1000, 24), { bucket: "photos" });
    const thumb = await h.request(preview("object:photos/frames.gif", "image/resize,w_50"), {
      headers: bearer,
    });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("X-Image-Frames")).toBe("24");
  });

  it("checks the 5.5 KB GIF of 240 frames at 1000×1000 (1.2 GB before) in a few MB: one frame at a time", async () => {
    // A fresh process, so its peak RSS is this check's alone.
    const script = fileURLToPath(new URL("./sources/decode-peak.fixture.ts", import.meta.url));
    const { stdout: out } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    const { status, growthMB } = JSON.parse(out) as { status: string; growthMB: number };
    expect(status).toBe("ok");
    expect(growthMB).toBeLessThan(128);
  }, 130_000);
});

describe("time: busy is a 503 to retry, too expensive is a 422 that names the operation", () => {
  it("answers a render that ran out of time with 422 and the operation, not a 503 without Retry-After", async () => {
    // A render limit of 300 ms: a sigma-50 blur of the 6 MP sample takes seconds.
    const t = await startHarness({ preview: { renderTimeoutMs: 300 } });
    onTestFinished(() => t.close());
    await t.oss.putObject("street.jpg", readFileSync(join(SAMPLES_DIR, "2569067123_aca715a2ee_o.jpg")), {
      bucket: "photos",
    });
    const res = await t.request(preview("object:photos/street.jpg", "image/blur,r_50,s_50/format,png"), {
      headers: bearer,
    });
    const { error } = await errorOf(res);
    expect([res.status, error.code]).toEqual([422, "PreviewTooExpensive"]);
    expect(res.headers.get("Retry-After")).toBeNull();
    expect(error.code).toBe("PreviewTooExpensive");
    expect(error.message).toContain("`blur,r_50,s_50/encode png`");
    expect(error.details).toMatchObject({ reason: "time", operation: "blur,r_50,s_50/encode png" });
  });

  it("bounds the wait for a slot: behind a render that holds it, the next preview gets 503 with Retry-After", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const holding = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const t = await startHarness({
      preview: {
        concurrency: 1,
        maxWaitMs: 300,
        beforeRender: () => {
          entered();
          return held;
        },
      },
    });
    onTestFinished(() => t.close());
    const first = t.request(preview("sample:flowers", "image/resize,w_40"), { headers: bearer });
    // The second is sent once the first holds the slot: sent together, either could take it, and a
    // second holding it would wait for a release that comes only after it.
    await holding;
    const second = await t.request(preview("sample:flowers", "image/resize,w_41"), { headers: bearer });
    expect(second.status).toBe(503);
    expect(second.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await errorOf(second)).error).toMatchObject({ code: "PreviewBusy" });
    release();
    expect((await first).status).toBe(200);
  });
});
