import { API_ERRORS } from "@style-console/contract/errors";
import { describe, expect, it } from "vitest";
import { serverMessage, translatedCodes } from "./server-messages.ts";

// The BFF's source as text (Vite's raw import), to find every error code it can answer with.
const bffSources: Record<string, string> = import.meta.glob(["../../../bff/src/**/*.ts", "!**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("server messages", () => {
  it("has zh-CN text for every error code the BFF answers with", () => {
    const codes = new Set<string>();
    for (const text of Object.values(bffSources)) {
      for (const m of text.matchAll(/HttpError\(\s*(?:\d{3},\s*)?"([A-Za-z]+)"/g)) codes.add(m[1] as string);
      for (const m of text.matchAll(/code: "([A-Z][A-Za-z]+)"/g)) codes.add(m[1] as string);
    }
    for (const code of Object.keys(API_ERRORS)) codes.add(code);
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((code) => !translatedCodes.includes(code)).sort()).toEqual([]);
  });

  it("keeps the server's English, and speaks Chinese by code", () => {
    const error = { code: "StyleLimitReached", message: "The bucket has reached its style limit" };
    expect(serverMessage(error, "en")).toBe(error.message);
    expect(serverMessage(error, "zh-CN")).toBe("此存储空间的样式数量已达上限。");
    expect(serverMessage({ code: "Nope", message: "x" }, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
  });
});
