import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readHeader } from "./decoder.ts";
import { isRenderError } from "./error.ts";

const jpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3080c0" } })
    .jpeg()
    .toBuffer();

describe("readHeader", () => {
  it("reads the header of one array of bytes once: the estimate's read and the renderer's are the same", async () => {
    const bytes = await jpeg();
    const first = await readHeader(bytes);
    expect(first).toMatchObject({ format: "jpg", width: 64, height: 48, frames: 1 });
    expect(await readHeader(bytes)).toBe(first);
  });

  it("reads a copy, or another view of the same memory, afresh", async () => {
    const bytes = await jpeg();
    const first = await readHeader(bytes);
    const copy = Buffer.from(bytes);
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const other of [copy, view]) {
      const read = await readHeader(other);
      expect(read).not.toBe(first);
      expect(read).toMatchObject({ format: "jpg", width: 64, height: 48 });
    }
  });

  it("keeps no refusal: bytes that are no image are refused on every read", async () => {
    const bytes = Buffer.from("not an image, twice");
    for (let i = 0; i < 2; i += 1) {
      const error = await readHeader(bytes).catch((e: unknown) => e);
      expect(isRenderError(error)).toBe(true);
      expect(error).toMatchObject({ status: 400 });
    }
  });
});
