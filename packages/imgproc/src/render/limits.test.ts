import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EXAMPLE_JPG, fixture } from "../../test/helpers.ts";
import { isRenderError, type RenderError, render } from "./index.ts";
import { checkInputSize } from "./limits.ts";

async function failure(promise: Promise<unknown>): Promise<RenderError> {
  try {
    await promise;
  } catch (error) {
    if (isRenderError(error)) return error;
    throw error;
  }
  throw new Error("expected a RenderError");
}

// Every bad fixture: a typed error, never a crash or a hang.
const BAD: Array<[string, string, number, string]> = [
  ["images/truncated.jpg", "image/resize,w_100", 400, "BadRequest"],
  ["images/corrupt-header.jpg", "image/resize,w_100", 400, "BadRequest"],
  ["images/giant-image.jpg", "image/resize,w_100", 400, "ImageTooLarge"],
  ["images/65536-uint32-limit.png", "image/resize,w_100", 400, "ImageTooLarge"],
  ["images/giant-image.jpg", "image/info", 400, "ImageTooLarge"],
];

describe("untrusted input", () => {
  it.each(BAD)("%s with %s → %i %s", async (file, style, status, code) => {
    const error = await failure(render(fixture(file), style));
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
  });

  it("decodes pitm.avif (which older libvips could not) into its primary image", async () => {
    // sharp's fixture notes call it undecodable; libvips 8.18 reads the primary item: a result, no crash.
    const { info } = await render(fixture("images/pitm.avif"), "image/resize,w_100");
    expect(info).toMatchObject({ format: "avif", width: 100, height: 20 });
  });

  it("answers OSS's sentence for a non-image", async () => {
    const error = await failure(render(Buffer.from("hello, not an image"), "image/resize,w_100"));
    expect(error.message).toBe("This image format is not supported.");
    expect(error.ossCode).toBe("0040-00000005");
  });

  it("refuses an empty input and an SVG (libvips reads it, OSS does not)", async () => {
    expect((await failure(render(new Uint8Array(0), "image/info"))).code).toBe("BadRequest");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await failure(render(svg, "image/info"))).code).toBe("BadRequest");
  });

  it("enforces the byte limit before decoding", async () => {
    const error = await failure(render(fixture(EXAMPLE_JPG), "image/info", { maxInputBytes: 1000 }));
    expect(error.code).toBe("ImageTooLarge");
    expect(error.message).toContain("1000 bytes");
  });

  it("stops at the time limit", async () => {
    const photo = fixture("images/2569067123_aca715a2ee_o.jpg");
    const error = await failure(render(photo, "image/rotate,33/blur,r_50,s_50/format,png", { timeoutMs: 1 }));
    expect(error.code).toBe("ProcessTimeout");
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      render(fixture(EXAMPLE_JPG), "image/resize,w_100", { signal: controller.signal }),
    );
    expect(error.code).toBe("RequestAborted");
  });

  it("turns a syntax error into a positioned InvalidArgument with the OSS code", async () => {
    const error = await failure(render(fixture(EXAMPLE_JPG), "image/resize,w_0,h_0"));
    expect(error.status).toBe(400);
    expect(error.ossCode).toBe("0040-00000321");
    expect(error.message).toMatch(/at character \d+/);
  });
});

// Per-format source limits with their own EC pages (img-syntax.md A.1.1): AVIF sides ≤ 10,000
// (0040-00000014), HEIC sides ≤ 30,000 (0040-00000013); every other format 30,000 (0040-00000012).
describe("per-format source limits", () => {
  it.each([
    [12_000, 100, "avif", "0040-00000014"],
    [30_001, 100, "heic", "0040-00000013"],
    [30_001, 100, "jpg", "0040-00000012"],
  ])("%i x %i %s → %s", (width, height, format, code) => {
    try {
      checkInputSize(width, height, 1, format);
      expect.unreachable();
    } catch (error) {
      expect(isRenderError(error) && [error.code, error.ossCode]).toEqual(["ImageTooLarge", code]);
    }
  });

  it("lets a 12000-wide JPG through but refuses the same AVIF, before decoding it", async () => {
    expect(() => checkInputSize(12_000, 100, 1, "jpg")).not.toThrow();
    const avif = await sharp({ create: { width: 10_001, height: 2, channels: 3, background: "#000" } })
      .avif({ effort: 0 })
      .toBuffer();
    const error = await failure(render(avif, "image/info"));
    expect([error.code, error.ossCode]).toEqual(["ImageTooLarge", "0040-00000014"]);
  });
});
