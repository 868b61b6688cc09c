import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, SAMPLES_DIR, startHarness } from "../testing/harness.ts";
import { MAX_CONCURRENT_UPLOADS } from "./sample-routes.ts";

// Issue 14: four clients that sent headers and 1 KB of a 5 MB body held every upload slot for five
// minutes. Real clients over real sockets, against the real server.

const BOUNDARY = "----slow-client-boundary";
let h: Harness;
let server: ServerType;
let port: number;

beforeAll(async () => {
  h = await startHarness({ preview: { uploadIdleTimeoutMs: 400, uploadTimeoutMs: 1500 } });
  server = serve({ fetch: h.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await h.close();
});

/** Opens a socket, sends the headers of a 5 MB upload and `first` bytes of its body; `drip` sends more. */
function slowClient(first: number) {
  const socket = connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (chunk) => {
    answer += chunk.toString("latin1");
  });
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  socket.write(
    [
      "POST /api/samples HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${ADMIN_TOKEN}`,
      `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
      `Content-Length: ${5 * 1024 * 1024}`,
      "",
      "",
    ].join("\r\n"),
  );
  socket.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n`);
  socket.write(Buffer.alloc(first, 0xff));
  return {
    drip: () => socket.writable && socket.write(Buffer.alloc(1, 0xff)),
    closed,
    status: () => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1],
    answer: () => answer,
    destroy: () => socket.destroy(),
  };
}

async function uploadNow(): Promise<number> {
  const form = new FormData();
  form.append("file", new Blob([readFileSync(join(SAMPLES_DIR, "flowers.jpeg"))]), "flowers.jpg");
  const res = await fetch(`http://127.0.0.1:${port}/api/samples`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: form,
  });
  await res.arrayBuffer();
  return res.status;
}

describe("slow upload bodies", () => {
  it("frees every slot held by clients that stalled after 1 KB: 408 and the connection closed", async () => {
    const clients = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => slowClient(1024));
    await Promise.all(clients.map((c) => c.closed));
    for (const client of clients) {
      expect(client.status()).toBe("408");
      expect(client.answer()).toMatch(/stalled: nothing arrived for/);
    }
    // The slots are free again: a real upload goes through instead of a 503 UploadsBusy.
    expect(await uploadNow()).toBe(201);
  }, 20_000);

  it("drops a body that trickles steadily past the total timeout, though it never idles", async () => {
    const client = slowClient(1024);
    const dripping = setInterval(() => client.drip(), 100);
    await client.closed;
    clearInterval(dripping);
    expect(client.status()).toBe("408");
    expect(client.answer()).toMatch(/took longer than 2 s/);
  }, 20_000);
});
