import sharp from "sharp";
import { estimateJpegQuality, type RenderResult } from "../render/index.ts";

/** One expectation of a row, checked against what the renderer did. */
export interface Outcome {
  result?: RenderResult;
  error?: { status: number; code: string; message: string; ossCode: string | undefined };
}

export interface CheckContext {
  /** The input was a synthetic stand-in: pixel- and byte-derived expectations mean nothing. */
  synthetic: boolean;
  sourceQuality: number | undefined;
}

/** A `~388` value: within 2 %. */
function near(expected: unknown, actual: number): boolean {
  if (typeof expected === "number") return expected === actual;
  if (typeof expected === "string" && expected.startsWith("~")) {
    const target = Number(expected.slice(1));
    return Number.isFinite(target) && Math.abs(actual - target) <= Math.abs(target) * 0.02;
  }
  return false;
}

const normalFormat = (f: string): string => {
  const lower = f.toLowerCase();
  return lower === "jpeg" ? "jpg" : lower;
};

function jsonBody(outcome: Outcome): Record<string, unknown> | undefined {
  const result = outcome.result;
  if (result?.info.format !== "json") return undefined;
  return JSON.parse(result.data.toString("utf8")) as Record<string, unknown>;
}

/** `source_quality*0.8` or `min(80, source_quality)` → the JPEG quality the output should have. */
function expectedQuality(rule: string, source: number | undefined): number | undefined {
  if (source === undefined) return undefined;
  const relative = /^source_quality\*([\d.]+)$/.exec(rule);
  if (relative) return Math.round(source * Number(relative[1]));
  const capped = /^min\((\d+), *source_quality\)$/.exec(rule);
  if (capped) return Math.min(Number(capped[1]), source);
  return undefined;
}

type Check = (
  value: unknown,
  outcome: Outcome,
  ctx: CheckContext,
) => Promise<string | undefined> | string | undefined;

const fail = (what: string, expected: unknown, got: unknown): string =>
  `${what}: expected ${JSON.stringify(expected)} got ${JSON.stringify(got)}`;

function subset(
  expected: unknown,
  body: Record<string, unknown> | undefined,
  ctx: CheckContext,
): string | undefined {
  if (!body) return fail("json", expected, "no JSON body");
  for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
    // A synthetic input has its own byte size; the documented FileSize cannot match.
    if (ctx.synthetic && /filesize/i.test(key)) continue;
    if (JSON.stringify(body[key]) !== JSON.stringify(value)) return fail(`json.${key}`, value, body[key]);
  }
  return undefined;
}

/**
 * The expectation keys the runner measures, each returning a failure text or undefined. Keys not
 * listed (notes, intermediate sizes, byte sizes of another encoder…) are not measurable here.
 */
export const CHECKS: Record<string, Check> = {
  width: (v, o) =>
    o.result && near(v, o.result.info.width)
      ? undefined
      : fail("width", v, o.result?.info.width ?? o.error?.code),
  height: (v, o) =>
    o.result && near(v, o.result.info.height)
      ? undefined
      : fail("height", v, o.result?.info.height ?? o.error?.code),
  frames: (v, o) =>
    o.result && near(v, o.result.info.frames)
      ? undefined
      : fail("frames", v, o.result?.info.frames ?? o.error?.code),
  format: (v, o) =>
    o.result && typeof v === "string" && normalFormat(v) === o.result.info.format
      ? undefined
      : fail("format", v, o.result?.info.format ?? o.error?.code),
  http_status: (v, o) =>
    o.error?.status === v ? undefined : fail("status", v, o.error?.status ?? "success"),
  ec: (v, o) => (o.error?.ossCode === v ? undefined : fail("EC", v, o.error?.ossCode ?? "success")),
  // "BadRequest (third-party report: …)": the first word is the code.
  code: (v, o) =>
    o.error && String(v).split(" ")[0] === o.error.code
      ? undefined
      : fail("code", v, o.error?.code ?? "success"),
  message: (v, o) => (o.error?.message === v ? undefined : fail("message", v, o.error?.message ?? "success")),
  result: (v, o) =>
    String(v).startsWith("illegal") && o.error?.status === 400
      ? undefined
      : fail("result", v, o.error?.code ?? "legal"),
  json: (v, o, ctx) => subset(v, jsonBody(o), ctx),
  json_subset: (v, o, ctx) => subset(v, jsonBody(o), ctx),
  value: (v, o) => {
    const body = jsonBody(o);
    return body && typeof v === "string" && hueNear(v, body.RGB) ? undefined : fail("RGB", v, body?.RGB);
  },
  // The same average-hue as [r, g, b].
  rgb: (v, o) => {
    const body = jsonBody(o);
    const got = typeof body?.RGB === "string" ? channels(body.RGB) : undefined;
    return Array.isArray(v) && got && rgbNear(v, got) ? undefined : fail("rgb", v, got ?? body?.RGB);
  },
  outside: (v, o) => cornerFill("outside", v, o),
  corners: (v, o) => cornerFill("corners", v, o),
  progressive: async (v, o) => {
    if (!o.result) return fail("progressive", v, o.error?.code);
    const meta = await sharp(o.result.data).metadata();
    return Boolean(meta.isProgressive) === v ? undefined : fail("progressive", v, meta.isProgressive);
  },
  jpeg_quality: (v, o, ctx) => {
    const want = expectedQuality(String(v), ctx.sourceQuality);
    const got = o.result ? estimateJpegQuality(o.result.data) : undefined;
    return want !== undefined && got !== undefined && Math.abs(want - got) <= 1
      ? undefined
      : fail("jpeg quality", want ?? v, got);
  },
};

/** `0xrrggbb` → [r, g, b]. */
const channels = (hex: string): number[] =>
  [1, 3, 5].map((k) => Number.parseInt(hex.replace(/^0x/, "#").slice(k, k + 2), 16));

/** Two colours within a small tolerance: every channel within 8 (on 0–255) of the expected one. */
function rgbNear(expected: readonly unknown[], actual: readonly number[]): boolean {
  return expected.length === 3 && expected.every((x, k) => Math.abs(Number(x) - (actual[k] ?? -999)) <= 8);
}

/** Average-hue (`0xrrggbb`) within the tolerance of rgbNear. */
function hueNear(expected: string, actual: unknown): boolean {
  return typeof actual === "string" && rgbNear(channels(expected), channels(actual));
}

/**
 * `outside` (circle) and `corners` (rounded corners): the fill the shape leaves at pixel (0,0),
 * `white` (opaque, every channel ≥ 240: JPEG's flattening, with room for its ringing at a sharp
 * edge) or `transparent` (alpha 0).
 */
async function cornerFill(what: string, expected: unknown, outcome: Outcome): Promise<string | undefined> {
  if (!outcome.result) return fail(what, expected, outcome.error?.code);
  const { data, info } = await sharp(outcome.result.data)
    .ensureAlpha()
    .extract({ left: 0, top: 0, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [r = 0, g = 0, b = 0, a = 0] = data.subarray(0, info.channels);
  const got =
    a === 0 ? "transparent" : a === 255 && Math.min(r, g, b) >= 240 ? "white" : `rgba(${r},${g},${b},${a})`;
  return got === expected ? undefined : fail(what, expected, got);
}

/** Keys that only a real input can check (pixels and bytes). */
export const PIXEL_KEYS = new Set(["value", "rgb", "jpeg_quality"]);
