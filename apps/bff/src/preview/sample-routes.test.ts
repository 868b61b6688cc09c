import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { SampleDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  errorOf,
  type Harness,
  jsonOf,
  ORIGIN,
  SAMPLES_DIR,
  startHarness,
} from "../testing/harness.ts";

const testdata = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };

function upload(bytes: Uint8Array, name: string, headers: Record<string, string> = bearer): RequestInit {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return { method: "POST", headers, body: form };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("GET /api/samples", () => {
  it("lists the built-in samples with their facts", async () => {
    const res = await h.request("/api/samples", { headers: bearer });
    expect(res.status).toBe(200);
    const { samples } = await jsonOf<{ samples: SampleDto[] }>(res);
    const street = samples.find((s) => s.name === "2569067123_aca715a2ee_o.jpg");
    expect(street).toEqual({
      id: "2569067123_aca715a2ee_o",
      name: "2569067123_aca715a2ee_o.jpg",
      kind: "builtin",
      format: "jpg",
      width: 2725,
      height: 2225,
      frames: 1,
      bytes: readFileSync(join(SAMPLES_DIR, "2569067123_aca715a2ee_o.jpg")).length,
    });
    expect(samples.find((s) => s.name === "4.webp")?.format).toBe("webp");
  });

  it("needs a session", async () => {
    expect((await h.request("/api/samples")).status).toBe(401);
  });
});

describe("POST /api/samples (uploads)", () => {
  it("stores an image by its content, answers its facts, lists it, previews it and deletes it", async () => {
    const bytes = readFileSync(join(SAMPLES_DIR, "flowers.jpeg"));
    // The name says PNG; the bytes say JPEG, and the bytes win.
    const res = await h.request("/api/samples", upload(bytes, "holiday.png"));
    expect(res.status).toBe(201);
    const sample = await jsonOf<SampleDto>(res);
    expect(sample).toMatchObject({
      name: "holiday.png",
      format: "jpg",
      width: 1920,
      height: 1080,
      bytes: bytes.length,
    });
    expect(sample.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(h.dataDir, "uploads"))).toEqual(
      expect.arrayContaining([sample.id, `${sample.id}.json`]),
    );

    const again = await jsonOf<SampleDto>(await h.request("/api/samples", upload(bytes, "copy.jpg")));
    expect(again.id).toBe(sample.id);
    const list = await jsonOf<{ samples: SampleDto[] }>(await h.request("/api/samples", { headers: bearer }));
    expect(list.samples.filter((s) => s.id === sample.id)).toHaveLength(1);

    const preview = await h.request(`/api/preview?source=sample:${sample.id}&process=image/resize,w_100`, {
      headers: bearer,
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("X-Image-Width")).toBe("100");

    expect((await h.request(`/api/samples/${sample.id}`, { method: "DELETE", headers: bearer })).status).toBe(
      204,
    );
    expect((await h.request(`/api/samples/${sample.id}`, { method: "DELETE", headers: bearer })).status).toBe(
      404,
    );
    const gone = await h.request(`/api/preview?source=sample:${sample.id}`, { headers: bearer });
    expect(gone.status).toBe(404);
  });

  it("keeps an animated GIF's frames", async () => {
    const res = await h.request("/api/samples", upload(testdata("animated-loop-3.gif"), "loop.gif"));
    expect(res.status).toBe(201);
    expect(await jsonOf<SampleDto>(res)).toMatchObject({ format: "gif", frames: 10 });
  });

  it.each([
    [
      "a text file named .jpg",
      Buffer.from("hello, I am not an image"),
      "photo.jpg",
      415,
      "UnsupportedImageType",
    ],
    [
      "an SVG (libvips reads it, OSS does not)",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      "a.svg",
      415,
      "UnsupportedImageType",
    ],
    [
      "a decompression bomb (65536x65536 PNG)",
      testdata("65536-uint32-limit.png"),
      "bomb.png",
      413,
      "ImageTooLarge",
    ],
    ["a truncated JPEG", testdata("truncated.jpg"), "cut.jpg", 400, "CorruptImage"],
    ["a JPEG with a corrupt header", testdata("corrupt-header.jpg"), "bad.jpg", 400, "UnreadableImage"],
  ])("refuses %s with the reason", async (_, bytes, name, status, code) => {
    const before = await readdir(join(h.dataDir, "uploads"));
    const res = await h.request("/api/samples", upload(bytes, name));
    expect(res.status).toBe(status);
    const body = await errorOf(res);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(20);
    expect(await readdir(join(h.dataDir, "uploads"))).toEqual(before);
  });

  it("refuses a file over 20 MB (413) by its declared length", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 100 * 1024, 0);
    big.set([0xff, 0xd8, 0xff]);
    const res = await h.request("/api/samples", upload(big, "big.jpg"));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe("ImageTooLarge");
  });

  it("stops reading a streamed body without a length as soon as it passes the limit", async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await h.request("/api/samples", {
      method: "POST",
      headers: { ...bearer, "Content-Type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(25);
  });

  it("reads at most four uploads at once: the fifth is a 503 with Retry-After before its body is read", async () => {
    const held: Array<() => void> = [];
    const slowUpload = () => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent) {
            await new Promise<void>((resolve) => held.push(resolve));
            controller.close();
            return;
          }
          sent = true;
          controller.enqueue(new TextEncoder().encode("--x\r\n"));
        },
      });
      return h.request("/api/samples", {
        method: "POST",
        headers: { ...bearer, "Content-Type": "multipart/form-data; boundary=x" },
        body,
        duplex: "half",
      } as RequestInit);
    };
    const slow = [slowUpload(), slowUpload(), slowUpload(), slowUpload()];
    for (let i = 0; i < 200 && held.length < 4; i++) await new Promise((r) => setTimeout(r, 5));
    expect(held).toHaveLength(4);
    const fifth = await slowUpload();
    expect(fifth.status).toBe(503);
    expect(fifth.headers.get("Retry-After")).toBe("2");
    for (const release of held) release();
    // Each held body ends as a malformed multipart body: refused, and the slots are free again.
    for (const res of await Promise.all(slow)) expect(res.status).toBe(400);
    const bytes = readFileSync(join(SAMPLES_DIR, "concert.jpg"));
    expect((await h.request("/api/samples", upload(bytes, "c.jpg"))).status).toBe(201);
  });

  it("needs the CSRF header and same origin for a cookie session, and refuses a non-multipart body", async () => {
    const browser = await h.browser();
    const { "Content-Type": _, ...cookieHeaders } = browser;
    const bytes = readFileSync(join(SAMPLES_DIR, "image-demo_example.jpg"));
    const { Cookie = "" } = browser;
    expect((await h.request("/api/samples", upload(bytes, "a.jpg", { Cookie, Origin: ORIGIN }))).status).toBe(
      403,
    );
    const ok = await h.request("/api/samples", upload(bytes, "a.jpg", cookieHeaders));
    expect(ok.status).toBe(201);
    const { id } = await jsonOf<SampleDto>(ok);
    expect(
      (await h.request(`/api/samples/${id}`, { method: "DELETE", headers: { Cookie, Origin: ORIGIN } }))
        .status,
    ).toBe(403);
    expect((await h.request(`/api/samples/${id}`, { method: "DELETE", headers: cookieHeaders })).status).toBe(
      204,
    );
    const json = await h.request("/api/samples", { method: "POST", headers: browser, body: "{}" });
    expect(json.status).toBe(415);
  });

  it("never deletes a built-in sample, and needs a session", async () => {
    const res = await h.request("/api/samples/flowers", { method: "DELETE", headers: bearer });
    expect(res.status).toBe(403);
    expect((await h.request("/api/samples", upload(Buffer.from("x"), "x.jpg", {}))).status).toBe(401);
  });
});
