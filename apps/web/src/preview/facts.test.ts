import { describe, expect, it } from "vitest";
import { factsFromHeaders, formatBytes, formatChange, formatDuration, parseServerTiming } from "./facts.ts";

describe("parseServerTiming", () => {
  it.each([
    ["fetch;dur=3.1, decode;dur=40.2, render;dur=8, encode;dur=12, cache;desc=miss", 63.3, "miss"],
    ["cache;desc=lru", 0, "lru"],
    ['render;dur=5;desc="x", cache;desc="revalidated"', 5, "revalidated"],
    [null, 0, null],
    ["garbage,,;", 0, null],
  ])("%s", (header, total, cache) => {
    const parsed = parseServerTiming(header);
    expect(parsed.total).toBeCloseTo(total, 5);
    expect(parsed.cache).toBe(cache);
  });
});

describe("factsFromHeaders", () => {
  it("reads dimensions, format, frames, bytes, time and decoded warnings", () => {
    const headers = new Headers({
      "X-Image-Width": "320",
      "X-Image-Height": "261",
      "X-Image-Format": "webp",
      "X-Image-Frames": "1",
      "Content-Length": "10240",
      "Server-Timing": "decode;dur=20, render;dur=10.5, cache;desc=miss",
      "X-Preview-Warnings": `${encodeURIComponent("font fallback, wqy")},${encodeURIComponent("static GIF")}`,
    });
    expect(factsFromHeaders(headers, 999, 80)).toEqual({
      width: 320,
      height: 261,
      format: "webp",
      frames: 1,
      bytes: 10240,
      renderMs: 30.5,
      cached: false,
      warnings: ["font fallback, wqy", "static GIF"],
    });
  });

  it("reports the measured round trip for a cached answer (the server rendered nothing)", () => {
    const headers = new Headers({ "Server-Timing": "fetch;dur=0.2, cache;desc=lru" });
    expect(factsFromHeaders(headers, 10, 7.5)).toMatchObject({ renderMs: 7.5, cached: true });
  });

  it("falls back to the body size and the measured time when headers are missing", () => {
    const facts = factsFromHeaders(new Headers(), 512, 42);
    expect(facts).toMatchObject({ bytes: 512, renderMs: 42, frames: 1, format: "unknown", warnings: [] });
  });
});

describe("formatting", () => {
  it.each([
    [0, "0 B"],
    [1023, "1,023 B"],
    [1536, "1.5 KB"],
    [2_400_000, "2.29 MB"],
    [150 * 1024, "150 KB"],
  ])("formatBytes(%d) = %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [100, 1000, "−90%"],
    [1120, 1000, "+12%"],
    [1001, 1000, "±0%"],
    [5, 0, null],
    [2_800, 829_183, "−99.6%"],
    [0, 1000, "−100%"],
  ])("formatChange(%d, %d) = %s", (bytes, original, text) => {
    expect(formatChange(bytes, original)).toBe(text);
  });

  it("formats durations", () => {
    expect(formatDuration(12.4)).toBe("12 ms");
    expect(formatDuration(1349)).toBe("1.3 s");
  });
});
