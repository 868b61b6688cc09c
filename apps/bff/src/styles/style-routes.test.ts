import type { StyleDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness, styleOf } from "../testing/harness.ts";

let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const post = (bucket: string, body: unknown) =>
  h.request(`/api/buckets/${bucket}/styles`, json("POST", browser, body));
const put = (bucket: string, name: string, body: unknown) =>
  h.request(`/api/buckets/${bucket}/styles/${name}`, json("PUT", browser, body));
const del = (bucket: string, name: string) =>
  h.request(`/api/buckets/${bucket}/styles/${name}`, { method: "DELETE", headers: browser });
const get = (path: string) => h.request(path, { headers: browser });

describe("GET /api/buckets", () => {
  it("lists the configured buckets with their style counts and limit", async () => {
    await post("avatars", { name: "count-me", content: "image/circle,r_50" });
    const res = await get("/api/buckets");
    expect(res.status).toBe(200);
    const buckets = await res.json();
    expect(buckets).toEqual([
      {
        name: "photos",
        region: "cn-hangzhou",
        endpoint: h.emulator.endpoint,
        styleCount: expect.any(Number),
        styleLimit: 50,
      },
      {
        name: "avatars",
        region: "cn-hangzhou",
        endpoint: h.emulator.endpoint,
        styleCount: 1,
        styleLimit: 50,
      },
    ]);
  });
});

describe("style CRUD", () => {
  it("creates (201), reads, lists with ISO times, updates (200) and deletes (204)", async () => {
    const created = await post("photos", { name: "thumb", content: "image/resize,w_200", category: "image" });
    expect(created.status).toBe(201);
    const style = await styleOf(created);
    expect(style).toMatchObject({ name: "thumb", content: "image/resize,w_200", category: "image" });
    expect(style.createTime).toMatch(iso);
    expect(style.lastModifyTime).toMatch(iso);

    const one = await get("/api/buckets/photos/styles/thumb");
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(style);

    const list = await jsonOf<{ styles: StyleDto[] }>(await get("/api/buckets/photos/styles"));
    expect(list.styles).toContainEqual(style);

    const updated = await put("photos", "thumb", {
      content: "image/resize,w_300",
      expectedLastModifyTime: style.lastModifyTime,
    });
    expect(updated.status).toBe(200);
    const after = await styleOf(updated);
    expect(after).toMatchObject({
      name: "thumb",
      content: "image/resize,w_300",
      category: "image",
      createTime: style.createTime,
    });
    expect(new Date(after.lastModifyTime).getTime()).toBeGreaterThan(
      new Date(style.lastModifyTime).getTime(),
    );

    expect((await del("photos", "thumb")).status).toBe(204);
    expect((await get("/api/buckets/photos/styles/thumb")).status).toBe(404);
  });

  it("says 409 StyleExists when the name is taken, and leaves the style as it was", async () => {
    await post("photos", { name: "taken", content: "image/resize,w_100" });
    const res = await post("photos", { name: "taken", content: "image/resize,w_999" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: "StyleExists", details: { current: { name: "taken", content: "image/resize,w_100" } } },
    });
    expect(await (await get("/api/buckets/photos/styles/taken")).json()).toMatchObject({
      content: "image/resize,w_100",
    });
  });

  it("says 409 StyleChanged with the current style when it changed since the editor loaded it", async () => {
    const loaded = await styleOf(await post("photos", { name: "shared", content: "image/resize,w_100" }));
    const first = await put("photos", "shared", {
      content: "image/resize,w_111",
      expectedLastModifyTime: loaded.lastModifyTime,
    });
    expect(first.status).toBe(200);
    const second = await put("photos", "shared", {
      content: "image/resize,w_222",
      expectedLastModifyTime: loaded.lastModifyTime,
    });
    expect(second.status).toBe(409);
    const body = await errorOf(second);
    expect(body.error.code).toBe("StyleChanged");
    expect(body.error.details?.current).toMatchObject({ name: "shared", content: "image/resize,w_111" });
  });

  it("serializes concurrent writes to one style: two creates give one 201 and one 409", async () => {
    const [a, b] = await Promise.all([
      post("photos", { name: "race", content: "image/resize,w_1" }),
      post("photos", { name: "race", content: "image/resize,w_2" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it("serializes concurrent edits from the same version: one 200, one 409", async () => {
    const loaded = await styleOf(await post("photos", { name: "race-edit", content: "image/resize,w_1" }));
    const edits = await Promise.all(
      ["w_2", "w_3"].map((w) =>
        put("photos", "race-edit", {
          content: `image/resize,${w}`,
          expectedLastModifyTime: loaded.lastModifyTime,
        }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("keeps the category on update when the editor sends none", async () => {
    await post("photos", { name: "keep-cat", content: "image/resize,w_1", category: "document" });
    const res = await put("photos", "keep-cat", { content: "image/resize,w_5", force: true });
    expect(await res.json()).toMatchObject({ category: "document" });
  });

  it("refuses an update that says neither which version it replaces nor force: 428, nothing written", async () => {
    await post("photos", { name: "unsure", content: "image/resize,w_1" });
    const res = await put("photos", "unsure", { content: "image/resize,w_2" });
    expect(res.status).toBe(428);
    expect(await res.json()).toMatchObject({ error: { code: "PreconditionRequired" } });
    expect(await styleOf(await get("/api/buckets/photos/styles/unsure"))).toMatchObject({
      content: "image/resize,w_1",
    });
    const forced = await put("photos", "unsure", { content: "image/resize,w_3", force: true });
    expect(forced.status).toBe(200);
    const bad = await put("photos", "unsure", { content: "image/resize,w_4", force: false });
    expect(bad.status).toBe(400);
  });

  it("answers 404 NoSuchStyle for a missing style on GET, PUT and DELETE", async () => {
    for (const res of [
      await get("/api/buckets/photos/styles/ghost"),
      await put("photos", "ghost", { content: "image/resize,w_1", force: true }),
      await del("photos", "ghost"),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "NoSuchStyle" } });
    }
  });

  it("answers 404 UnknownBucket for a bucket the console does not manage", async () => {
    for (const res of [
      await get("/api/buckets/secret-bucket/styles"),
      await post("secret-bucket", { name: "x", content: "image/resize,w_1" }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "UnknownBucket" } });
    }
  });
});

describe("validation before any call goes out", () => {
  const silent = async (run: () => Promise<Response>) => {
    const before = h.ossRequests.length;
    const res = await run();
    expect(h.ossRequests.length).toBe(before);
    return res;
  };

  it.each([
    ["64 characters", "a".repeat(64), "TooLong", 63],
    ["a slash", "thumb%2Fsmall", "InvalidCharacter", 5],
    ["a space", "thumb%20small", "InvalidCharacter", 5],
  ])(
    "refuses a name with %s (400 InvalidStyleName, positioned), never reaching OSS",
    async (_what, name, code, offset) => {
      const created = await silent(() =>
        post("photos", { name: decodeURIComponent(name), content: "image/resize,w_1" }),
      );
      expect(created.status).toBe(400);
      const body = await errorOf(created);
      expect(body.error.code).toBe("InvalidStyleName");
      expect(body.error.details?.errors?.[0]).toMatchObject({ code, offset });
      const read = await silent(() => get(`/api/buckets/photos/styles/${name}`));
      expect(read.status).toBe(400);
    },
  );

  it("refuses bad content with the parser's positioned errors in details, never reaching OSS", async () => {
    const res = await silent(() => post("photos", { name: "bad", content: "image/resize,w_abc" }));
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.error.code).toBe("InvalidStyleContent");
    expect(body.error.details?.errors).toEqual([
      { code: "InvalidValue", message: expect.stringContaining("w"), offset: 15, length: 3 },
    ]);
    const forbidden = await silent(() => put("photos", "bad", { content: "image/resize,w_1;" }));
    expect(forbidden.status).toBe(400);
    expect((await errorOf(forbidden)).error.details?.errors).toContainEqual(
      expect.objectContaining({ code: "ForbiddenCharacter", offset: 16 }),
    );
  });

  it("refuses a bad category, malformed JSON (400), a non-JSON body (415) and an oversized body (413)", async () => {
    const category = await post("photos", { name: "c", content: "image/resize,w_1", category: "music" });
    expect(category.status).toBe(400);
    expect((await errorOf(category)).error).toMatchObject({
      code: "InvalidRequest",
      details: { issues: [{ path: "category" }] },
    });

    const malformed = await h.request("/api/buckets/photos/styles", {
      method: "POST",
      headers: browser,
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).error).toEqual({
      code: "MalformedJson",
      message: "The request body is not valid JSON.",
    });

    const text = await h.request("/api/buckets/photos/styles", {
      method: "POST",
      headers: { ...browser, "Content-Type": "text/plain" },
      body: "name=x",
    });
    expect(text.status).toBe(415);

    const huge = await post("photos", { name: "big", content: `image/resize,w_1${"0".repeat(70_000)}` });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).error.code).toBe("PayloadTooLarge");
  });
});

describe("POST /api/validate", () => {
  it("answers ok with the parsed operations", async () => {
    const res = await h.request(
      "/api/validate",
      json("POST", browser, { content: "image/resize,w_200/quality,q_90" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      operations: [
        { op: "resize", w: 200 },
        { op: "quality", q: 90 },
      ],
      errors: [],
      warnings: [],
    });
  });

  it("answers positioned errors for bad content, and for a non-image chain", async () => {
    const bad = await (
      await h.request("/api/validate", json("POST", browser, { content: "image/resize,w_abc" }))
    ).json();
    expect(bad).toMatchObject({
      ok: false,
      operations: [],
      errors: [{ code: "InvalidValue", offset: 15, length: 3 }],
    });
    const style = await (
      await h.request("/api/validate", json("POST", browser, { content: "style/thumb" }))
    ).json();
    expect(style).toMatchObject({
      ok: false,
      errors: [{ code: "UnsupportedProcessKind", offset: 0, length: 5 }],
    });
  });
});
