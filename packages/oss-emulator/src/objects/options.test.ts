import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { presign, signRequest } from "@style-console/oss/signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorOf,
  rawRequest,
  signedRequest,
  startTestEmulator,
  type TestEmulator,
  testCredentials,
  wirePath,
} from "../testing/raw.ts";
import { optionRules } from "./options.ts";

// Every documented option of GetObject, HeadObject and PutObject over loopback HTTP: implemented as
// the OSS pages describe, or refused with 501 — never ignored.

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
});
afterAll(() => emu.dispose());

const thousand = Buffer.alloc(1000, 0x61);
const put = (key: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
  signedRequest(emu.endpoint, { method: "PUT", bucket: "photos", key, body, headers });
const get = (
  key: string,
  extra: { query?: Array<[string, string]>; headers?: Record<string, string>; method?: string } = {},
) => signedRequest(emu.endpoint, { method: extra.method ?? "GET", bucket: "photos", key, ...extra });
/** A header as the UTF-8 text its bytes spell (Node hands header bytes over as Latin-1). */
const utf8Header = (value: string | string[] | undefined): string =>
  Buffer.from(String(value), "latin1").toString("utf8");

describe("response-* overrides (GetObject)", () => {
  it("a presigned GET with response-content-disposition carries the UTF-8 filename byte for byte", async () => {
    await put("icons/logo.jpg", thousand, { "Content-Type": "image/jpeg" });
    const disposition = 'attachment; filename="图标.jpg"';
    const { queryString } = presign(
      {
        method: "GET",
        bucket: "photos",
        key: "icons/logo.jpg",
        query: [["response-content-disposition", disposition]],
      },
      { credentials: testCredentials, region: "cn-hangzhou", date: new Date(), expiresSeconds: 600 },
    );
    const res = await rawRequest(emu.endpoint, {
      method: "GET",
      path: `${wirePath("photos", "icons/logo.jpg")}?${queryString}`,
      headers: {},
    });
    expect(res.status).toBe(200);
    expect(utf8Header(res.headers["content-disposition"])).toBe(disposition);
  });

  it("sets each of the six headers, on GET and HEAD, and not on an error", async () => {
    const query: Array<[string, string]> = [
      ["response-content-type", "application/x-test"],
      ["response-content-language", "zh-CN"],
      ["response-expires", "Thu, 01 Dec 1994 16:00:00 GMT"],
      ["response-cache-control", "no-cache"],
      ["response-content-disposition", "inline"],
      ["response-content-encoding", "identity"],
    ];
    for (const method of ["GET", "HEAD"]) {
      const res = await get("icons/logo.jpg", { method, query });
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({
        "content-type": "application/x-test",
        "content-language": "zh-CN",
        expires: "Thu, 01 Dec 1994 16:00:00 GMT",
        "cache-control": "no-cache",
        "content-disposition": "inline",
        "content-encoding": "identity",
      });
    }
    const missing = await get("icons/none.jpg", { query });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-disposition"]).toBeUndefined();
  });

  it("refuses a value with CR/LF instead of splitting the header block", async () => {
    const res = await get("icons/logo.jpg", {
      query: [["response-content-disposition", "inline\r\nSet-Cookie: a=b"]],
    });
    expect(res.status).toBe(400);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(errorOf(res)).toMatchObject({
      Code: "InvalidArgument",
      ArgumentName: "response-content-disposition",
    });
  });
});

describe("conditional requests (GetObject, HeadObject)", () => {
  it('If-Match: "nope" is 412 PreconditionFailed, on GET and HEAD', async () => {
    await put("cond.txt", "hello");
    const res = await get("cond.txt", { headers: { "If-Match": '"nope"' } });
    expect(res.status).toBe(412);
    expect(errorOf(res)).toMatchObject({ Code: "PreconditionFailed", Condition: "If-Match" });
    const head = await get("cond.txt", { method: "HEAD", headers: { "If-Match": '"nope"' } });
    expect(head.status).toBe(412);
    expect(head.headers["x-oss-err"]).toBeDefined();
  });

  it("If-None-Match lists and weak tags, If-Modified-Since and If-Unmodified-Since answer 304/412/200", async () => {
    const head = await get("cond.txt", { method: "HEAD" });
    const etag = String(head.headers.etag);
    const modified = String(head.headers["last-modified"]);
    const earlier = new Date(Date.parse(modified) - 60_000).toUTCString();
    expect((await get("cond.txt", { headers: { "If-None-Match": `"a", W/${etag}` } })).status).toBe(304);
    expect((await get("cond.txt", { headers: { "If-None-Match": '"a", "b"' } })).status).toBe(200);
    expect((await get("cond.txt", { headers: { "If-Modified-Since": modified } })).status).toBe(304);
    expect((await get("cond.txt", { headers: { "If-Modified-Since": earlier } })).status).toBe(200);
    expect((await get("cond.txt", { headers: { "If-Unmodified-Since": earlier } })).status).toBe(412);
    expect((await get("cond.txt", { headers: { "If-Unmodified-Since": modified } })).text).toBe("hello");
    expect((await get("cond.txt", { headers: { "If-Match": `"x", ${etag}` } })).status).toBe(200);
  });
});

describe("Range as OSS serves it", () => {
  it("ignores an out-of-range Range by default (200, whole object) and is strict with x-oss-range-behavior: standard", async () => {
    await put("k1000.bin", thousand);
    const lenient = await get("k1000.bin", { headers: { Range: "bytes=1000-2000" } });
    expect(lenient.status).toBe(200);
    expect(lenient.body.length).toBe(1000);
    expect(lenient.headers["content-range"]).toBeUndefined();
    const strict = await get("k1000.bin", {
      headers: { Range: "bytes=1000-2000", "x-oss-range-behavior": "standard" },
    });
    expect(strict.status).toBe(416);
    expect(strict.headers["content-range"]).toBe("bytes */1000");
    expect(errorOf(strict).Code).toBe("InvalidRange");
    const clipped = await get("k1000.bin", {
      headers: { Range: "bytes=990-2000", "x-oss-range-behavior": "standard" },
    });
    expect(clipped.status).toBe(206);
    expect(clipped.headers["content-range"]).toBe("bytes 990-999/1000");
    expect((await get("k1000.bin", { headers: { Range: "bytes=990-2000" } })).status).toBe(200);
  });
});

describe("PutObject headers", () => {
  it("keeps Cache-Control, Content-Disposition, Content-Encoding, Content-Language and Expires", async () => {
    const stored = {
      "Cache-Control": "max-age=60",
      "Content-Disposition": "attachment",
      "Content-Encoding": "identity",
      "Content-Language": "en",
      Expires: "Thu, 01 Dec 2033 16:00:00 GMT",
    };
    expect((await put("stored.txt", "x", stored)).status).toBe(200);
    for (const method of ["GET", "HEAD"]) {
      const res = await get("stored.txt", { method });
      expect(res.headers).toMatchObject(
        Object.fromEntries(Object.entries(stored).map(([k, v]) => [k.toLowerCase(), v])),
      );
    }
  });

  it("keeps a UTF-8 Content-Disposition byte for byte", async () => {
    // Node's own HTTP client re-encodes a non-ASCII Content-Disposition (nodejs/node#46528), so this
    // request is signed as usual and written to the socket byte for byte.
    const disposition = 'attachment; filename="图标.jpg"';
    const signed = signRequest(
      { method: "PUT", bucket: "photos", key: "named.jpg", headers: { "Content-Length": "1" } },
      { credentials: testCredentials, region: "cn-hangzhou", date: new Date() },
    );
    const head = Object.entries({ Host: "127.0.0.1", "Content-Length": "1", ...signed.headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    const wire = Buffer.concat([
      Buffer.from(`PUT ${wirePath("photos", "named.jpg")} HTTP/1.1\r\nConnection: close\r\n${head}`),
      Buffer.from(`Content-Disposition: ${disposition}\r\n\r\nx`, "utf8"),
    ]);
    const answer = await new Promise<string>((resolve, reject) => {
      const url = new URL(emu.endpoint);
      const socket = connect(Number(url.port), url.hostname, () => socket.write(wire));
      const chunks: Buffer[] = [];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("error", reject);
      socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    });
    expect(answer.startsWith("HTTP/1.1 200")).toBe(true);
    for (const method of ["GET", "HEAD"]) {
      const res = await get("named.jpg", { method });
      expect(utf8Header(res.headers["content-disposition"])).toBe(disposition);
    }
  });

  it("x-oss-forbid-overwrite: true refuses an existing key with 409 and keeps the object", async () => {
    expect((await put("once.txt", "first", { "x-oss-forbid-overwrite": "true" })).status).toBe(200);
    const again = await put("once.txt", "second", { "x-oss-forbid-overwrite": "true" });
    expect(again.status).toBe(409);
    expect(errorOf(again).Code).toBe("FileAlreadyExists");
    expect((await get("once.txt")).text).toBe("first");
    expect((await put("once.txt", "third", { "x-oss-forbid-overwrite": "false" })).status).toBe(200);
    expect((await get("once.txt")).text).toBe("third");
  });

  it("two concurrent forbid-overwrite writes of a new key: exactly one wins", async () => {
    const results = await Promise.all(
      ["a", "b"].map((body) => put("race.txt", body.repeat(100_000), { "x-oss-forbid-overwrite": "true" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("accepts the implemented value of a partly implemented option", async () => {
    const ok = await put("classy.txt", "x", {
      "x-oss-storage-class": "Standard",
      "x-oss-object-acl": "default",
    });
    expect(ok.status).toBe(200);
  });
});

describe("every refused option answers 501 NotImplemented, naming it", () => {
  const sample = (name: string): string =>
    name === "x-oss-storage-class" ? "Archive" : name === "x-oss-object-acl" ? "public-read" : "1";
  const refused = optionRules.flatMap((rule) =>
    rule.support === "implemented" ? [] : rule.operations.map((operation) => ({ rule, operation })),
  );
  it.each(refused.map(({ rule, operation }) => [operation, rule.name, rule] as const))(
    "%s %s",
    async (operation, name, rule) => {
      await put("refused.txt", "x");
      const value = sample(name);
      const option =
        rule.in === "query"
          ? { query: [[name, value]] as Array<[string, string]> }
          : { headers: { [name]: value } };
      const res =
        operation === "PutObject"
          ? await signedRequest(emu.endpoint, {
              method: "PUT",
              bucket: "photos",
              key: "refused.txt",
              body: "y",
              ...option,
            })
          : await get("refused.txt", { method: operation === "HeadObject" ? "HEAD" : "GET", ...option });
      expect(res.status).toBe(501);
      if (operation !== "HeadObject")
        expect(errorOf(res)).toMatchObject({ Code: "NotImplemented", ArgumentName: name });
      expect((await get("refused.txt")).text).toBe("x");
    },
  );
});

describe("the README's table", () => {
  it("lists every documented option with its support", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const rows = readme
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    for (const rule of optionRules) {
      const support = rule.support === "refused" ? "501" : rule.support === "partial" ? "partly" : "yes";
      const row = rows.find((r) => r[1] === `\`${rule.name}\`` && r[3] === rule.operations.join(", "));
      expect(row, `${rule.name} (${rule.operations.join(", ")})`).toBeDefined();
      expect(row?.[4]).toBe(support);
    }
  });
});
