import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { type OssError, ossError } from "../http/errors.ts";
import type { FaultDecision } from "./plan.ts";

/**
 * Applies a fault decision to one request. Every fault strikes before the operation takes effect, so a
 * 503 or a reset never hides an applied write, with two deliberate exceptions:
 * - `truncate` cuts a response body in half and drops the connection; it only strikes reads (GET), so
 *   nothing is written behind it;
 * - `reset-after-commit` lets the operation finish and drops the connection instead of answering, to
 *   test that retries of an applied write cause no duplicate side effects.
 */

export type FaultOutcome =
  | { readonly type: "pass" }
  | { readonly type: "error"; readonly error: OssError }
  | { readonly type: "reset" };

/**
 * Waits the latency, then says whether the request proceeds, fails with an error, or is reset. For the
 * after-the-fact faults it rigs `res` and lets the request proceed.
 *
 * @example
 * const outcome = await applyFault(decide(), req, res);
 */
export async function applyFault(
  decision: FaultDecision,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<FaultOutcome> {
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const headers: Record<string, string> =
    decision.retryAfterSeconds === undefined ? {} : { "Retry-After": String(decision.retryAfterSeconds) };
  switch (decision.kind) {
    case "429":
      return {
        type: "error",
        error: ossError("SlowDown", { message: "Injected fault: 429 SlowDown.", headers }),
      };
    case "500":
      return {
        type: "error",
        error: ossError("InternalError", { message: "Injected fault: 500 InternalError." }),
      };
    case "503":
      return {
        type: "error",
        error: ossError("ServiceUnavailable", {
          message: "Injected fault: 503 ServiceUnavailable.",
          headers,
        }),
      };
    case "reset":
      return { type: "reset" };
    case "truncate":
      if (req.method === "GET") truncateBody(res);
      return { type: "pass" };
    case "reset-after-commit":
      resetInsteadOfAnswer(res);
      return { type: "pass" };
    default:
      return { type: "pass" };
  }
}

/** Lets half of the declared Content-Length through, then destroys the socket. */
function truncateBody(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  let sent = 0;
  const cut = (chunk: unknown): boolean => {
    const length = Number(res.getHeader("content-length") ?? 0);
    const allowed = Math.floor(length / 2);
    const buf =
      typeof chunk === "string"
        ? Buffer.from(chunk)
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.alloc(0);
    const room = Math.max(0, allowed - sent);
    if (buf.length <= room && sent + buf.length < allowed) {
      sent += buf.length;
      return write(buf);
    }
    write(buf.subarray(0, room));
    sent = allowed;
    // Flush what was allowed, then break the connection mid-body.
    setImmediate(() => res.socket?.destroy());
    return false;
  };
  res.write = ((chunk: unknown) => cut(chunk)) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk !== undefined && typeof chunk !== "function") cut(chunk);
    else setImmediate(() => res.socket?.destroy());
    return res;
  }) as typeof res.end;
}

/** Swallows the response and destroys the socket once the handler has committed its work. */
function resetInsteadOfAnswer(res: ServerResponse): void {
  res.writeHead = (() => {
    res.socket?.destroy();
    return res;
  }) as typeof res.writeHead;
  res.write = (() => false) as typeof res.write;
  res.end = (() => {
    res.socket?.destroy();
    return res;
  }) as typeof res.end;
}
