import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture, solid } from "../../test/helpers.ts";
import { encodeBase64Url } from "../syntax/index.ts";
import { isRenderError, render } from "./index.ts";

/**
 * Render and report how it ended: a result or a RenderError; anything else fails the property. On a
 * `valid` input "unsupported format" would be one of our own failures passed off as the client's.
 */
async function outcome(input: Uint8Array, style: string, valid = false): Promise<"ok" | "error"> {
  try {
    const { info } = await render(input, style, { resolveImage: () => solid(30, 20, "#00ff00") });
    expect(info.bytes).toBeGreaterThan(0);
    return "ok";
  } catch (error) {
    // An InternalError would hide a bug of ours behind a polite 500: only client errors count.
    if (isRenderError(error) && error.status < 500 && !(valid && error.ossCode === "0040-00000005"))
      return "error";
    throw error;
  }
}

const n = (min: number, max: number) => fc.integer({ min, max });
const gravity = fc.constantFrom("nw", "north", "ne", "west", "center", "east", "sw", "south", "se");

// Actions with parameters drawn partly outside their documented ranges.
const action = fc.oneof(
  fc
    .tuple(fc.constantFrom("lfit", "mfit", "fill", "pad", "fixed"), n(0, 700), n(0, 700), n(0, 1))
    .map(([m, w, h, limit]) => `resize,m_${m},w_${w},h_${h},limit_${limit}`),
  fc.tuple(n(0, 300), n(-5, 1100)).map(([l, p]) => `resize,l_${l},p_${p}`),
  fc
    .tuple(n(0, 500), n(0, 500), n(0, 450), n(0, 300), gravity)
    .map(([w, h, x, y, g]) => `crop,w_${w},h_${h},x_${x},y_${y},g_${g}`),
  fc.tuple(n(0, 500), n(0, 12)).map(([x, i]) => `indexcrop,x_${x},i_${i}`),
  n(0, 300).map((r) => `circle,r_${r}`),
  n(0, 300).map((r) => `rounded-corners,r_${r}`),
  n(-10, 370).map((v) => `rotate,${v}`),
  n(0, 2).map((v) => `auto-orient,${v}`),
  fc.tuple(n(0, 55), n(0, 55)).map(([r, s]) => `blur,r_${r},s_${s}`),
  n(-110, 110).map((v) => `bright,${v}`),
  n(-110, 110).map((v) => `contrast,${v}`),
  n(40, 400).map((v) => `sharpen,${v}`),
  fc.constantFrom("jpg", "png", "webp", "bmp", "gif", "tiff", "avif", "dng").map((f) => `format,${f}`),
  fc.tuple(n(0, 105), n(0, 105)).map(([q, Q]) => `quality,q_${q},Q_${Q}`),
  n(0, 2).map((v) => `interlace,${v}`),
  fc
    .tuple(fc.string({ maxLength: 8 }), n(0, 120), gravity, n(0, 1))
    .map(
      ([text, size, g, fill]) =>
        `watermark,text_${encodeBase64Url(text || "x")},size_${size},g_${g},fill_${fill}`,
    ),
  fc
    .tuple(n(1, 120), gravity)
    .map(
      ([P, g]) => `watermark,image_${encodeBase64Url(`logo.png?x-oss-process=image/resize,P_${P}`)},g_${g}`,
    ),
  fc.constantFrom("info", "average-hue"),
);

describe("render never throws anything but a RenderError", () => {
  it("on random styles of up to four actions over a small photo and a GIF", async () => {
    const inputs = [await solid(120, 80, "#336699", "jpeg"), fixture("images/rotating-squares.gif")];
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 4 }), n(0, 1), async (actions, which) => {
        const input = inputs[which] ?? inputs[0];
        if (!input) return;
        await outcome(input, `image/${actions.join("/")}`, true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);

  it("on random and mutated bytes", async () => {
    const jpeg = await solid(40, 30, "#c04020", "jpeg");
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        n(0, jpeg.length - 1),
        n(0, 255),
        async (noise, at, byte) => {
          expect(await outcome(noise, "image/resize,w_10")).toBe("error");
          const mutated = Buffer.from(jpeg);
          mutated[at] = byte;
          await outcome(mutated, "image/resize,w_10/format,png");
          await outcome(mutated.subarray(0, at), "image/info");
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);
});
