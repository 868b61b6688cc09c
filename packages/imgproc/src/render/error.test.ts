import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/helpers.ts";
import { translate } from "./error.ts";
import { render } from "./index.ts";

/** The Error sharp really throws for a pipeline mistake of ours (an extract outside the image). */
async function badExtract(): Promise<unknown> {
  const img = sharp({ create: { width: 10, height: 10, channels: 3, background: "#000000" } });
  try {
    await img.extract({ left: 5, top: 5, width: 50, height: 50 }).raw().toBuffer();
  } catch (error) {
    return error;
  }
  throw new Error("sharp accepted an extract outside the image");
}

describe("translate", () => {
  it("turns an internal libvips failure into a 500, not the client's unsupported format", async () => {
    const error = await badExtract();
    expect(String(error)).toMatch(/extract_area: bad extract area/);
    expect(translate(error)).toMatchObject({ status: 500, code: "InternalError" });
  });

  it("keeps decoder failures a 400 with EC 0040-00000005", async () => {
    for (const name of ["truncated.jpg", "corrupt-header.jpg"]) {
      await expect(render(fixture(`images/${name}`), "image/resize,w_100")).rejects.toMatchObject({
        status: 400,
        ossCode: "0040-00000005",
      });
    }
    const decoderMessages = [
      "Input buffer contains unsupported image format",
      "VipsJpeg: Premature end of JPEG file",
      "jpegload_buffer: out of order read at line 40",
      "gifload_buffer: no frames in GIF",
    ];
    for (const message of decoderMessages) {
      expect(translate(new Error(message)).ossCode).toBe("0040-00000005");
    }
  });

  it("keeps timeouts and pixel limits their own answers", () => {
    expect(translate(new Error("timeout: 1s exceeded")).status).toBe(503);
    expect(translate(new Error("Input image exceeds pixel limit")).code).toBe("ImageTooLarge");
  });
});
