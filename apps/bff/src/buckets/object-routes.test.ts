import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, startHarness } from "../testing/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("GET /api/buckets/:bucket/objects", () => {
  // Issue 14 §6: this was a 502 "UpstreamRejected" with a hint about style names.
  it("answers an invalid cursor with the caller's 400 InvalidCursor, not a 502", async () => {
    const res = await h.request("/api/buckets/photos/objects?cursor=not-a-cursor", { headers: h.bearer });
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.error.code).toBe("InvalidCursor");
    expect(body.error.details?.upstream).toMatchObject({ status: 400, code: "InvalidArgument" });
    expect(JSON.stringify(body)).not.toMatch(/style name/i);
  });

  it("pages with the cursor it returned", async () => {
    for (const key of ["a.png", "b.png", "c.png"])
      await h.oss.putObject(key, new Uint8Array([1]), { bucket: "photos" });
    const first = await h.request("/api/buckets/photos/objects?limit=2", { headers: h.bearer });
    const page = (await first.json()) as { objects: { key: string }[]; nextCursor: string | null };
    expect(page.nextCursor).not.toBeNull();
    const next = await h.request(
      `/api/buckets/photos/objects?${new URLSearchParams({ limit: "2", cursor: page.nextCursor ?? "" })}`,
      { headers: h.bearer },
    );
    expect(next.status).toBe(200);
  });
});
