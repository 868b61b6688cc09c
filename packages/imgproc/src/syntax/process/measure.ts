import { jdActionByCode } from "../jd/actions.ts";
import { parseProcess } from "./index.ts";

const encoder = new TextEncoder();

/** What the editor shows beside a style: its size and action count (and JD's limits apply to both). */
export interface ProcessSize {
  /** UTF-8 bytes of the whole value. */
  bytes: number;
  /** Actions written, counted even when some are invalid (repeated actions each count). */
  actions: number;
}

/**
 * Counts the bytes and actions of a processing value. The Alibaba syntax has no documented limit
 * (the Decisions say: accept any length, but show the counts); JD allows 100 actions and 1024 bytes.
 * @example
 * measureProcess("image/resize,w_200/quality,q_90"); // { bytes: 31, actions: 2 }
 * measureProcess("img/s/200/300/cc/200/260"); // { bytes: 24, actions: 2 }
 */
export function measureProcess(input: string): ProcessSize {
  const bytes = encoder.encode(input).length;
  const parsed = parseProcess(input);
  if (parsed.ok) {
    const v = parsed.value;
    return { bytes, actions: v.kind === "image" || v.kind === "img" ? v.operations.length : 0 };
  }
  // Invalid: count what was written, so the counter does not jump while the user types.
  const [kind, ...rest] = input.split("/");
  if (kind === "image") return { bytes, actions: rest.filter((s) => s !== "").length };
  if (kind === "img") return { bytes, actions: rest.filter((s) => jdActionByCode.has(s)).length };
  return { bytes, actions: 0 };
}
