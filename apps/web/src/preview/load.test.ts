import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/error.ts";
import { loadPreview, prettyJson } from "./load.ts";

const imageHeaders = {
  "Content-Type": "image/webp",
  "X-Image-Width": "200",
  "X-Image-Height": "134",
  "X-Image-Format": "webp",
  "X-Image-Frames": "1",
  "Server-Timing": "render;dur=12, cache;desc=miss",
};

let decode: () => Promise<void>;

beforeEach(() => {
  decode = async () => {};
  // jsdom has neither object URLs nor image decoding; these stand in for the browser's.
  URL.createObjectURL = vi.fn(() => "blob:x");
  URL.revokeObjectURL = vi.fn();
  vi.stubGlobal(
    "Image",
    class {
      src = "";
      decode() {
        return decode();
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("loadPreview", () => {
  it("retries a full render queue (503) after its Retry-After, then decodes the image", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response("busy", { status: 503, headers: { "Retry-After": "0" } }))
      .mockResolvedValueOnce(new Response(new Uint8Array(10), { status: 200, headers: imageHeaders }));
    vi.stubGlobal("fetch", fetch);
    const loaded = await loadPreview("/api/preview?x", new AbortController().signal);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(loaded.objectUrl).toBe("blob:x");
    expect(loaded.facts).toMatchObject({ width: 200, height: 134, format: "webp", bytes: 10, renderMs: 12 });
  });

  it("turns an error answer into an ApiError with the positioned details", async () => {
    const body = { error: { code: "InvalidProcess", message: "bad", details: { errors: [{ offset: 15 }] } } };
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(Response.json(body, { status: 400 })));
    const error = await loadPreview("/api/preview?x", new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "InvalidProcess",
      details: { errors: [{ offset: 15 }] },
    });
  });

  it("keeps the facts of a format the browser cannot draw, and frees its URL", async () => {
    decode = async () => {
      throw new Error("EncodingError");
    };
    const headers = { ...imageHeaders, "Content-Type": "image/tiff", "X-Image-Format": "tiff" };
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(new Response(new Uint8Array(4), { status: 200, headers })),
    );
    const loaded = await loadPreview("/api/preview?x", new AbortController().signal);
    expect(loaded).toMatchObject({ objectUrl: null, json: null, facts: { format: "tiff" } });
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:x");
  });

  it("reads a JSON answer (info) as text", async () => {
    const headers = { "Content-Type": "application/json", "X-Image-Format": "json" };
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(new Response('{"ImageWidth":{"value":"400"}}', { headers })),
    );
    const loaded = await loadPreview("/api/preview?x", new AbortController().signal);
    expect(loaded.json).toContain("ImageWidth");
    expect(loaded.objectUrl).toBeNull();
  });
});

describe("prettyJson", () => {
  it("indents JSON answers by two spaces and keeps other text as it came", () => {
    expect(prettyJson('{"ImageWidth":{"value":"400"}}')).toBe(
      '{\n  "ImageWidth": {\n    "value": "400"\n  }\n}',
    );
    expect(prettyJson("not json {")).toBe("not json {");
  });
});
