import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OssError } from "./errors.ts";
import { createOssClient } from "./index.ts";

// A loopback server answering from a queue, counting the requests that reach it.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const queue: Handler[] = [];
let requests = 0;
let endpoint = "";
const server = createServer((req, res) => {
  requests++;
  const next = queue.shift();
  if (next) next(req, res);
  else res.writeHead(599).end();
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const SECRET = "stream-test-secret";
const client = (
  credentials: Parameters<typeof createOssClient>[0]["credentials"] = {
    accessKeyId: "ak",
    accessKeySecret: SECRET,
  },
) => createOssClient({ region: "cn-hangzhou", endpoint, bucket: "bkt", credentials, retry: false });
const bytes: Handler = (_q, res) =>
  res.writeHead(200, { "content-type": "text/plain", "content-length": "3" }).end("abc");
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

async function errorOf(p: Promise<unknown>): Promise<OssError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof OssError)) throw new Error(`expected an OssError, got ${String(e)}`);
  return e;
}

describe("a GetObject body cut off mid-stream", () => {
  it("rejects the read with a typed network error that names no secret", async () => {
    queue.push((_q, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "1000" });
      res.write("x".repeat(100));
      setTimeout(() => res.destroy(), 10);
    });
    const got = await client().getObject("a.txt");
    const e = await errorOf(new Response(got.body).arrayBuffer());
    expect(e).toMatchObject({ kind: "network", code: "NetworkError", operation: "getObject" });
    expect(JSON.stringify(e) + e.message).not.toContain(SECRET);
  });

  it("an abort while the body is read rejects the read as aborted", async () => {
    queue.push((_q, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "1000" });
      res.write("x".repeat(100));
    });
    const controller = new AbortController();
    const got = await client().getObject("a.txt", { signal: controller.signal });
    const reading = new Response(got.body).arrayBuffer();
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await errorOf(reading)).toMatchObject({ kind: "aborted", message: "aborted: user left" });
  });
});

describe("the caller's AbortSignal", () => {
  it("fired while credentials load: the call is aborted and nothing is sent", async () => {
    const controller = new AbortController();
    const before = requests;
    const oss = client(async () => {
      controller.abort(new Error("user left"));
      return { accessKeyId: "ak", accessKeySecret: SECRET };
    });
    queue.push(bytes);
    const e = await errorOf(oss.listStyles({ signal: controller.signal }));
    expect(e).toMatchObject({ kind: "aborted", message: "aborted: user left" });
    expect(requests).toBe(before);
    queue.length = 0;
  });

  it("keeps no abort listener after a call, a read stream or a cancelled stream", async () => {
    const signal = new AbortController().signal;
    const oss = client();
    queue.push(bytes);
    await oss.headObject("a.txt", { signal });
    expect(listeners(signal)).toBe(0);

    queue.push(bytes);
    const read = await oss.getObject("a.txt", { signal });
    expect(listeners(signal)).toBe(1); // an abort must still cancel the unread body
    expect(await new Response(read.body).text()).toBe("abc");
    expect(listeners(signal)).toBe(0);

    queue.push(bytes);
    const cancelled = await oss.getObject("a.txt", { signal });
    await cancelled.body.cancel();
    expect(listeners(signal)).toBe(0);
  });
});
