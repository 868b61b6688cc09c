import type { ObjectPage } from "@style-console/contract/dto";
import { isObjectKey, pathSegment } from "@style-console/contract/names";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness, styleOf } from "../testing/harness.ts";

// Issue 14 §5: names the URL layer rewrites. "." and ".." are valid style names, but a URL drops them as
// dot segments, so `/api/buckets/photos/styles/..` reached no route (404 "No API route") and such a style
// could not be read, edited or deleted. Every name a route takes is written with the contract's
// `pathSegment`, and this suite sends them through the real Hono app (`app.request` parses the URL as a
// browser does).
let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const styleUrl = (name: string) => `/api/buckets/photos/styles/${pathSegment(name)}`;

describe("style names a URL would rewrite", () => {
  it.each([".", ".."])(
    "a style named %j created outside the console can be read, edited and deleted",
    async (name) => {
      await h.oss.putStyle(name, "image/resize,w_10", { bucket: "photos" });
      const read = await h.request(styleUrl(name), { headers: browser });
      expect(read.status).toBe(200);
      expect((await styleOf(read)).name).toBe(name);
      const edited = await h.request(
        styleUrl(name),
        json("PUT", browser, { content: "image/resize,w_20", force: true }),
      );
      expect(edited.status).toBe(200);
      expect(await styleOf(edited)).toMatchObject({ name, content: "image/resize,w_20" });
      const deleted = await h.request(styleUrl(name), { method: "DELETE", headers: browser });
      expect(deleted.status).toBe(204);
      await expect(h.oss.getStyle(name, { bucket: "photos" })).rejects.toMatchObject({ code: "NoSuchStyle" });
    },
  );

  it("creates a style named '..' through the console and finds it at the address the SPA uses", async () => {
    const created = await h.request(
      "/api/buckets/photos/styles",
      json("POST", browser, { name: "..", content: "image/resize,w_30" }),
    );
    expect(created.status).toBe(201);
    const read = await h.request(styleUrl(".."), { headers: browser });
    expect(await styleOf(read)).toMatchObject({ name: "..", content: "image/resize,w_30" });
    // The literal form is what a URL makes of it: the collection, never the style.
    const literal = await h.request("/api/buckets/photos/styles/..", { method: "DELETE", headers: browser });
    expect(literal.status).toBe(404);
    expect((await errorOf(literal)).error.code).toBe("NotFound");
    expect((await h.request(styleUrl(".."), { method: "DELETE", headers: browser })).status).toBe(204);
  });

  it("round-trips every valid style name through GET, PUT and DELETE", { timeout: 180_000 }, async () => {
    const names = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_.-]{1,63}$/),
      fc.stringMatching(/^[.~%]{0,3}[.]{1,3}$/).filter((n) => /^[A-Za-z0-9_.-]+$/.test(n)),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        await h.oss.putStyle(name, "image/resize,w_40", { bucket: "photos" });
        const read = await h.request(styleUrl(name), { headers: browser });
        expect(read.status, name).toBe(200);
        expect((await styleOf(read)).name).toBe(name);
        const edited = await h.request(
          styleUrl(name),
          json("PUT", browser, { content: "image/resize,w_41", force: true }),
        );
        expect(edited.status, name).toBe(200);
        expect((await h.request(styleUrl(name), { method: "DELETE", headers: browser })).status).toBe(204);
      }),
      { numRuns: 25 },
    );
  });
});

describe("object keys through the listing's query", () => {
  it("finds every valid key by its own prefix", { timeout: 180_000 }, async () => {
    const keys = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
      .map((base) => `${base}.png`)
      .filter(isObjectKey);
    await fc.assert(
      fc.asyncProperty(keys, async (key) => {
        await h.oss.putObject(key, new Uint8Array([1]), { bucket: "photos" });
        const res = await h.request(`/api/buckets/photos/objects?${new URLSearchParams({ prefix: key })}`, {
          headers: browser,
        });
        expect(res.status, key).toBe(200);
        expect((await jsonOf<ObjectPage>(res)).objects.map((o) => o.key)).toContain(key);
        await h.oss.deleteObject(key, { bucket: "photos" });
      }),
      { numRuns: 40 },
    );
  });
});
