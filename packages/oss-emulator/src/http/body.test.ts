import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamBody } from "./body.ts";
import { OssError } from "./errors.ts";

// A request stand-in: a real Readable with the headers streamBody reads.
function request(chunks: Buffer[], headers: Record<string, string> = {}, fail?: Error): IncomingMessage {
  const stream = Readable.from(
    (async function* () {
      yield* chunks;
      if (fail) throw fail;
    })(),
  );
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("streamBody", () => {
  it("lets a failure of onChunk (a full disk) through unchanged, for the server to answer 500", async () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    const error = await errorOf(
      streamBody(request([Buffer.from("ab"), Buffer.from("cd")]), 100, () => {
        throw enospc;
      }),
    );
    expect(error).toBe(enospc);
    expect(error).not.toBeInstanceOf(OssError);
  });

  it("answers a request that fails mid-body with IncompleteBody", async () => {
    const error = await errorOf(
      streamBody(request([Buffer.from("ab")], {}, new Error("aborted")), 100, () => {}),
    );
    expect(error).toBeInstanceOf(OssError);
    expect(error).toMatchObject({ code: "IncompleteBody" });
  });

  it("answers a body shorter than its Content-Length with IncompleteBody, and counts a full one", async () => {
    const short = request([Buffer.from("ab")], { "content-length": "5" });
    expect(await errorOf(streamBody(short, 100, () => {}))).toMatchObject({ code: "IncompleteBody" });
    const seen: string[] = [];
    const full = request([Buffer.from("ab"), Buffer.from("c")], { "content-length": "3" });
    expect(await streamBody(full, 100, (c) => void seen.push(c.toString()))).toBe(3);
    expect(seen).toEqual(["ab", "c"]);
  });

  it("refuses a chunked body past the cap with EntityTooLarge", async () => {
    const big = request([Buffer.alloc(60), Buffer.alloc(60)]);
    expect(await errorOf(streamBody(big, 100, () => {}))).toMatchObject({ code: "EntityTooLarge" });
  });
});
