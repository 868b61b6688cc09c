import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Address } from "./address.ts";
import type { ResponseTarget } from "./respond.ts";

/** What every handler gets: the raw request and response, where it points, and its id and arrival time. */
export interface RequestContext extends Address, ResponseTarget {
  readonly id: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The Host header as sent: OSS echoes it as `HostId`. */
  readonly host: string;
  /** Arrival time: the clock for skew and expiry checks and for timestamps the request writes. */
  readonly now: Date;
}

/**
 * A request id in the OSS shape: 24 upper-case hex characters.
 *
 * @example
 * newRequestId(); // "5C3D9175B6FC201293AD4890"
 */
export function newRequestId(): string {
  return randomBytes(12).toString("hex").toUpperCase();
}
