import { describe, expect, it } from "vitest";
import { readLogLineBatches, readLogLines } from "./lines.ts";

async function lines(chunks: string[], max?: number) {
  const enc = new TextEncoder();
  async function* gen() {
    for (const c of chunks) yield enc.encode(c);
  }
  const out = [];
  for await (const line of readLogLines(gen(), max)) out.push(line);
  return out;
}

describe("readLogLines", () => {
  it("splits across chunk borders, CRLF and multi-byte characters included", async () => {
    const text = "a 中\r\nb\n\nc";
    const bytes = new TextEncoder().encode(text);
    async function* gen() {
      for (const byte of bytes) yield new Uint8Array([byte]);
    }
    const out = [];
    for await (const line of readLogLines(gen())) out.push(line);
    expect(out).toEqual([
      { number: 1, text: "a 中", overlong: false },
      { number: 2, text: "b", overlong: false },
      { number: 4, text: "c", overlong: false },
    ]);
  });

  it("cuts a runaway line at the cap and flags it, without buffering the rest", async () => {
    const out = await lines(["x".repeat(50), "y".repeat(50), "\nok\n"], 20);
    expect(out).toEqual([
      { number: 1, text: "x".repeat(20), overlong: true },
      { number: 2, text: "ok", overlong: false },
    ]);
  });
});

describe("readLogLineBatches", () => {
  it("gives the same lines, one batch per chunk that ends a line; blank and whitespace-only lines skipped", async () => {
    const enc = new TextEncoder();
    async function* gen() {
      for (const c of ["a\n \t\nb", "c\n\u3000\r\nd\n", "e"]) yield enc.encode(c);
    }
    const batches = [];
    for await (const batch of readLogLineBatches(gen())) batches.push(batch.map((l) => [l.number, l.text]));
    expect(batches).toEqual([
      [[1, "a"]],
      [
        [3, "bc"],
        [5, "d"],
      ],
      [[6, "e"]],
    ]);
  });
});
