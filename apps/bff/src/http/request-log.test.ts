import { Writable } from "node:stream";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { jsonLogger, redactingLogger } from "../platform/logger.ts";
import { createErrorHandler } from "./error.ts";
import { requestLog } from "./request-log.ts";

// Issue 14, part 7: the request log printed the decoded path, so `%0D%0A` and `%1B` in any URL, signed
// in or not, wrote raw CR, LF and ESC into the log. The real logger, writing to a captured stream.

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: jsonLogger(stream), text: () => text };
}

describe("the request log", () => {
  it("writes one escaped JSON line per request whatever the URL holds", async () => {
    const { logger, text } = capture();
    const app = new Hono();
    app.use("*", requestLog(logger));
    app.onError(createErrorHandler(logger));
    app.get("/api/fail/*", () => {
      throw new Error("boom");
    });
    const forged = "/api/x%0D%0A%7B%22level%22:%22info%22,%22msg%22:%22forged%22%7D%1B%5B31m%07";
    await app.request(`http://localhost${forged}`);
    await app.request(`http://localhost/api/fail/%0A%1B%5B2J`);
    const lines = text().split("\n").slice(0, -1);
    // Two requests, one error: three events, three lines, no terminal control anywhere.
    expect(lines).toHaveLength(3);
    for (const control of ["\r", "\u001b", "\u0007"]) expect(text()).not.toContain(control);
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ level: "info", msg: "request", method: "GET", status: 404 });
    expect(events[0]?.path).toBe('/api/x\r\n{"level":"info","msg":"forged"}\x1b[31m\x07');
    expect(events.map((e) => e.msg)).toEqual(["request", "request failed unexpectedly", "request"]);
  });

  it("redacts secrets in messages and fields alike", () => {
    const { logger, text } = capture();
    redactingLogger(logger, ["s3cr3t-key"]).error("failed with s3cr3t-key", { detail: "key=s3cr3t-key" });
    expect(text()).not.toContain("s3cr3t-key");
    expect(JSON.parse(text())).toMatchObject({ msg: "failed with [redacted]", detail: "key=[redacted]" });
  });
});
