import { describe, expect, it } from "vitest";
import { ByteLru } from "./byte-lru.ts";

const lru = (max: number) => new ByteLru<Buffer>(max, (b) => b.length);

describe("ByteLru", () => {
  it("evicts the least recently used entries when the byte budget is exceeded", () => {
    const cache = lru(10);
    cache.set("a", Buffer.alloc(4));
    cache.set("b", Buffer.alloc(4));
    expect(cache.get("a")?.length).toBe(4); // a is now the most recent
    cache.set("c", Buffer.alloc(4));
    expect(cache.has("b")).toBe(false);
    expect(cache.has("a")).toBe(true);
    expect(cache.has("c")).toBe(true);
    expect(cache.bytes).toBe(8);
  });

  it("never stores a value larger than the whole budget, and 0 disables it", () => {
    const cache = lru(10);
    expect(cache.set("big", Buffer.alloc(11))).toBe(false);
    expect(cache.count).toBe(0);
    const off = lru(0);
    expect(off.set("x", Buffer.alloc(1))).toBe(false);
    expect(off.get("x")).toBeUndefined();
  });

  it("replacing a key accounts its size once and counts hits and misses", () => {
    const cache = lru(10);
    cache.set("a", Buffer.alloc(6));
    cache.set("a", Buffer.alloc(3));
    expect(cache.bytes).toBe(3);
    cache.get("a");
    cache.get("nope");
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });
});
