import { describe, expect, it } from "vitest";
import { redactingLogger } from "./logger.ts";

describe("redactingLogger", () => {
  it("cuts every secret out of every line, info and error alike", () => {
    const lines: string[] = [];
    const sink = { info: (l: string) => lines.push(`i ${l}`), error: (l: string) => lines.push(`e ${l}`) };
    const log = redactingLogger(sink, ["s3cr3t-key", "tok3n-value", ""]);
    log.info("key=s3cr3t-key and again s3cr3t-key");
    log.error("token tok3n-value failed");
    expect(lines).toEqual(["i key=[redacted] and again [redacted]", "e token [redacted] failed"]);
  });
});
