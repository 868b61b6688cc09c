import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.ts";

const now = new Date("2026-11-21T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relativeTime", () => {
  it.each([
    [10, "now"],
    [60, "1 minute ago"],
    [5 * 60 + 20, "5 minutes ago"],
    [3600, "1 hour ago"],
    [26 * 3600, "yesterday"],
    [3 * 24 * 3600, "3 days ago"],
    [8 * 24 * 3600, "last week"],
    [40 * 24 * 3600, "last month"],
    [400 * 24 * 3600, "last year"],
  ])("%i s ago reads %s in English", (seconds, text) => {
    expect(relativeTime(ago(seconds), now, "en")).toBe(text);
  });

  it("speaks Chinese for zh-CN", () => {
    expect(relativeTime(ago(5 * 60), now, "zh-CN")).toBe("5分钟前");
    expect(relativeTime(ago(3 * 24 * 3600), now, "zh-CN")).toBe("3天前");
  });

  it("handles times slightly in the future (clock skew) without saying 'ago'", () => {
    expect(relativeTime(new Date(now.getTime() + 120_000), now, "en")).toBe("in 2 minutes");
  });
});
