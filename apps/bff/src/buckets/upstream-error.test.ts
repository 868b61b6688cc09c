import { afterEach, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, startHarness } from "../testing/harness.ts";

// OSS failures produced by a real emulator, not by a mocked fetch: a wrong secret (403), a configured
// bucket OSS does not have (404), and the emulator's fault schedule (500). The client's retries are off
// in the harness so one scheduled fault is one failed call.
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const requestIdShape = /^[0-9A-F]{24}$/i;

describe("OSS errors surface as clear API errors with the OSS request id", () => {
  it("403 (the console signs with a wrong secret) → 502 UpstreamDenied, hint, request id, no secret", async () => {
    const wrong = "wrong-secret-never-shown-1234";
    h = await startHarness({ bffSecret: wrong });
    const res = await h.request("/api/buckets/photos/styles", { headers: h.bearer });
    expect(res.status).toBe(502);
    const body = await errorOf(res);
    expect(body.error.code).toBe("UpstreamDenied");
    expect(body.error.message).toContain("SignatureDoesNotMatch");
    expect(body.error.requestId).toMatch(requestIdShape);
    expect(body.error.details?.upstream).toMatchObject({
      status: 403,
      code: "SignatureDoesNotMatch",
      hint: expect.stringContaining("secret"),
    });
    const everything = h.seen.join("\n") + h.logs.join("\n");
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(h.secret);
  });

  it("404 (a configured bucket OSS does not have) → 404 NoSuchBucket with the request id", async () => {
    h = await startHarness({ emulatorBuckets: ["photos"], buckets: ["photos", "missing-bucket"] });
    const res = await h.request("/api/buckets/missing-bucket/styles", { headers: h.bearer });
    expect(res.status).toBe(404);
    const body = await errorOf(res);
    expect(body.error).toMatchObject({
      code: "NoSuchBucket",
      requestId: expect.stringMatching(requestIdShape),
    });
    expect(body.error.message).toContain("missing-bucket");
  });

  it("500 (injected) → 502 UpstreamFailed with the request id; the next call succeeds", async () => {
    h = await startHarness({ faults: { schedule: ["500"] } });
    const res = await h.request("/api/buckets/photos/styles", { headers: h.bearer });
    expect(res.status).toBe(502);
    const body = await errorOf(res);
    expect(body.error).toMatchObject({
      code: "UpstreamFailed",
      requestId: expect.stringMatching(requestIdShape),
    });
    expect(body.error.details?.upstream).toMatchObject({ status: 500, code: "InternalError" });
    expect((await h.request("/api/buckets/photos/styles", { headers: h.bearer })).status).toBe(200);
  });

  it("no connection (injected reset) → 502 UpstreamUnreachable naming the endpoint's host, no query", async () => {
    h = await startHarness({ faults: { schedule: ["reset"] } });
    const res = await h.request("/api/buckets/photos/styles", { headers: h.bearer });
    expect(res.status).toBe(502);
    const body = await errorOf(res);
    const host = new URL(h.emulator.endpoint).host;
    expect(body.error.code).toBe("UpstreamUnreachable");
    expect(body.error.message).toMatch(
      new RegExp(`^OSS at ${host.replace(/\./g, "\\.")} could not be reached \\(bucket "photos"\\): \\w+`),
    );
    expect(body.error.message).not.toMatch(/\?|style=|Signature/);
  });

  it("a failed write is not audited, and the style is unchanged", async () => {
    // Request 1 is the existence check (passes), request 2 the PutStyle (fails).
    h = await startHarness({ faults: { schedule: ["none", "503"] } });
    const res = await h.request(
      "/api/buckets/photos/styles",
      json("POST", h.bearer, { name: "never", content: "image/resize,w_1" }),
    );
    expect(res.status).toBe(503);
    expect((await errorOf(res)).error).toMatchObject({
      code: "UpstreamBusy",
      requestId: expect.stringMatching(requestIdShape),
    });
    const audit = await h.request("/api/audit", { headers: h.bearer });
    expect(await audit.json()).toEqual({ entries: [], nextCursor: null });
    expect((await h.request("/api/buckets/photos/styles/never", { headers: h.bearer })).status).toBe(404);
  });

  it("the style limit (OSS's 403 'style count is exceeded') → 409 StyleLimitReached", async () => {
    h = await startHarness({ styleLimit: 1 });
    await h.request(
      "/api/buckets/photos/styles",
      json("POST", h.bearer, { name: "one", content: "image/resize,w_1" }),
    );
    const res = await h.request(
      "/api/buckets/photos/styles",
      json("POST", h.bearer, { name: "two", content: "image/resize,w_2" }),
    );
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error).toMatchObject({
      code: "StyleLimitReached",
      requestId: expect.stringMatching(requestIdShape),
    });
  });
});
