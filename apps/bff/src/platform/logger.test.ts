import { describe, expect, it } from "vitest";
import { type LogFields, redactingLogger } from "./logger.ts";

describe("redactingLogger", () => {
  it("cuts every secret out of every message and field, info and error alike", () => {
    const events: Array<[string, string, LogFields | undefined]> = [];
    const sink = {
      info: (m: string, f?: LogFields) => events.push(["i", m, f]),
      error: (m: string, f?: LogFields) => events.push(["e", m, f]),
    };
    const log = redactingLogger(sink, ["s3cr3t-key", "tok3n-value", ""]);
    log.info("key=s3cr3t-key and again s3cr3t-key");
    log.error("token failed", { token: "tok3n-value", nested: { at: "x tok3n-value" } });
    expect(events).toEqual([
      ["i", "key=[redacted] and again [redacted]", undefined],
      ["e", "token failed", { token: "[redacted]", nested: { at: "x [redacted]" } }],
    ]);
  });
});
