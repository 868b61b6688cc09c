import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_TOKEN, errorOf, type Harness, startHarness } from "../../testing/harness.ts";

// One render at a time, one waiting: the queue's limits become deterministic. The gate holds a render
// open inside its slot (timing only: the render itself is real and runs once the gate opens).
let h: Harness;
let entered = 0;
let release: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
const closeGate = () => {
  gate = new Promise<void>((resolve) => {
    release = resolve;
  });
};

beforeAll(async () => {
  h = await startHarness({
    preview: {
      concurrency: 1,
      maxWaiting: 1,
      beforeRender: async () => {
        entered++;
        await gate;
      },
    },
  });
});
afterAll(() => h.close());

const stats = () => h.api.preview.queue.stats;
const request = (width: number, signal?: AbortSignal) =>
  h.request(`/api/preview?source=sample:2569067123_aca715a2ee_o&process=image/resize,w_${width}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    ...(signal ? { signal } : {}),
  });

/** Waits for `condition` (a loaded machine can take seconds to read a sample), failing after 15 s. */
async function until(condition: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(condition()).toBe(true), { timeout: 15_000, interval: 5 });
}

describe("the render queue behind /api/preview", () => {
  it("answers 503 with Retry-After when the queue is full, and serves the others once it drains", async () => {
    closeGate();
    entered = 0;
    const running = request(101);
    await until(() => entered === 1);
    const waiting = request(102);
    await until(() => stats().waiting === 1);
    const refused = await request(103);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect((await errorOf(refused)).error.code).toBe("PreviewBusy");
    // The rest of the API is not starved while renders are queued.
    expect((await h.request("/api/health")).status).toBe(200);
    release();
    const [a, b] = await Promise.all([running, waiting]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get("X-Image-Width")).toBe("102");
    expect(stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("cancels an abandoned render that has not started, discards one that has, and drains", async () => {
    closeGate();
    entered = 0;
    const before = stats();
    const runningClient = new AbortController();
    const waitingClient = new AbortController();
    const running = request(201, runningClient.signal);
    await until(() => entered === 1);
    const waiting = request(202, waitingClient.signal);
    await until(() => stats().waiting === 1);

    waitingClient.abort();
    await until(() => stats().waiting === 0);
    runningClient.abort();
    release();
    await Promise.allSettled([running, waiting]);
    await until(() => stats().active === 0);

    expect(entered).toBe(1); // the waiting render never started
    expect(stats()).toMatchObject({
      active: 0,
      waiting: 0,
      cancelled: before.cancelled + 1,
      discarded: before.discarded + 1,
      completed: before.completed,
    });
    // The discarded result was not cached: the same draft renders again.
    gate = Promise.resolve();
    const again = await request(201);
    expect(again.headers.get("X-Preview-Cache")).toBe("miss");
    expect(stats().completed).toBe(before.completed + 1);
  });

  it("downloads a watermark image before taking a render slot, so a held slot does not hold the download", async () => {
    const logo = await sharp({ create: { width: 8, height: 8, channels: 4, background: "#f00" } })
      .png()
      .toBuffer();
    await h.oss.putObject("queue-logo.png", logo, { bucket: "photos" });
    closeGate();
    entered = 0;
    const running = request(301);
    await until(() => entered === 1);
    const mark = Buffer.from("queue-logo.png").toString("base64url");
    const marked = h.request(
      `/api/preview?source=sample:flowers&bucket=photos&process=image/resize,w_60/watermark,image_${mark}`,
      { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    // The watermark is fetched while the only slot is still held (the gate stays closed until
    // release() below), and the request then waits for the slot. The emulator logs a request only once
    // its handler has returned, which can be after the BFF has the body, so wait for the line too.
    await until(() => stats().waiting === 1);
    await until(() => h.ossRequests.some((l) => l.startsWith("GET /photos/queue-logo.png 200 ")));
    expect(entered).toBe(1);
    release();
    const [a, b] = await Promise.all([running, marked]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get("Server-Timing")).toMatch(/watermarks;dur=/);
  });
});
