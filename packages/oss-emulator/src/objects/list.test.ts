import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import type { ObjectMeta } from "../storage/objects.ts";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";
import { listPage } from "./list.ts";

const keys = ["a/1", "a/2", "a/b/3", "b/1", "c", "é"];
const metas: ObjectMeta[] = keys.map((key) => ({
  key,
  size: 1,
  etag: "00",
  contentType: "x",
  lastModified: 0,
  userMeta: {},
}));

describe("listPage", () => {
  it.each([
    [{ prefix: "", delimiter: "", after: "", maxKeys: 100 }, keys, [], false],
    [{ prefix: "", delimiter: "/", after: "", maxKeys: 100 }, ["c", "é"], ["a/", "b/"], false],
    [{ prefix: "a/", delimiter: "/", after: "", maxKeys: 100 }, ["a/1", "a/2"], ["a/b/"], false],
    [{ prefix: "", delimiter: "", after: "a/2", maxKeys: 100 }, ["a/b/3", "b/1", "c", "é"], [], false],
    [{ prefix: "", delimiter: "/", after: "a/", maxKeys: 100 }, ["c", "é"], ["b/"], false],
    [{ prefix: "", delimiter: "/", after: "", maxKeys: 2 }, [], ["a/", "b/"], true],
    [{ prefix: "", delimiter: "", after: "", maxKeys: 3 }, ["a/1", "a/2", "a/b/3"], [], true],
  ])("%j → %j and prefixes %j", (options, contents, prefixes, truncated) => {
    const page = listPage(metas, options);
    expect(page.contents.map((m) => m.key)).toEqual(contents);
    expect(page.prefixes).toEqual(prefixes);
    expect(page.truncated).toBe(truncated);
  });
});

describe("ListObjectsV2 on the wire", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ buckets: ["photos"] });
    for (const key of keys)
      await signedRequest(emu.endpoint, { method: "PUT", bucket: "photos", key, body: key });
  });
  afterAll(() => emu.dispose());

  const list = (query: Array<[string, string]>) =>
    signedRequest(emu.endpoint, { method: "GET", bucket: "photos", query: [["list-type", "2"], ...query] });
  const resultOf = (text: string) => parseXml(text)?.ListBucketResult as Record<string, unknown>;
  type Row = Record<string, unknown>;
  const asArray = (v: unknown): Row[] =>
    v === undefined ? [] : Array.isArray(v) ? (v as Row[]) : [v as Row];

  it("pages through every key with continuation tokens", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await list(
        token
          ? [
              ["max-keys", "2"],
              ["continuation-token", token],
            ]
          : [["max-keys", "2"]],
      );
      expect(res.status).toBe(200);
      const result = resultOf(res.text);
      const contents = asArray(result.Contents);
      seen.push(...contents.map((c) => String(c.Key)));
      expect(Number(result.KeyCount)).toBe(contents.length);
      if (result.IsTruncated !== "true") break;
      token = String(result.NextContinuationToken);
    }
    expect(seen).toEqual(keys);
  });

  it("describes objects with quoted ETags, sizes and ISO times, and rolls up common prefixes", async () => {
    const res = await list([
      ["delimiter", "/"],
      ["prefix", "a/"],
    ]);
    const result = resultOf(res.text);
    expect(result).toMatchObject({
      Name: "photos",
      Prefix: "a/",
      Delimiter: "/",
      MaxKeys: "100",
      IsTruncated: "false",
    });
    const first = asArray(result.Contents)[0];
    expect(first).toMatchObject({ Key: "a/1", Size: "3", Type: "Normal", StorageClass: "Standard" });
    expect(String(first?.ETag)).toMatch(/^"[0-9A-F]{32}"$/);
    expect(String(first?.LastModified)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(result.CommonPrefixes).toEqual({ Prefix: "a/b/" });
  });

  it("starts after start-after, and refuses a bad max-keys or a forged token", async () => {
    const after = resultOf((await list([["start-after", "b/1"]])).text);
    expect(asArray(after.Contents).map((c) => c.Key)).toEqual(["c", "é"]);
    const bad = await list([["max-keys", "0"]]);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).Code).toBe("InvalidArgument");
    const forged = await list([["continuation-token", "!!"]]);
    expect(forged.status).toBe(400);
  });
});
