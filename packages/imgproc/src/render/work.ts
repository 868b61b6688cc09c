import sharp, { type Sharp } from "sharp";
import { type CpuCharge, wallPerCpu } from "./cpu-meter.ts";
import { decodeOptions } from "./decoder.ts";
import { translate } from "./error.ts";
import { LIMITS } from "./limits.ts";
import type { Source } from "./source.ts";

/**
 * The last operation staged on a pipeline. sharp runs the operations of ONE pipeline in its own fixed
 * order, not in call order, so two operations may share a pipeline only when sharp's order is the
 * order written; otherwise the image is materialised (decoded to raw pixels) in between
 * (img-syntax.md A.3).
 */
export type Stage = "fresh" | "extract" | "resize" | "rotate" | "composite" | "other";

// Pairs whose order sharp keeps: extract before resize or rotate (documented as order-sensitive in
// sharp), resize then a post-resize extract, and composite after geometry (composite runs last).
const CHAINABLE: Record<Stage, readonly Stage[]> = {
  fresh: ["extract", "resize", "rotate", "composite", "other"],
  extract: ["resize", "rotate", "composite"],
  resize: ["extract", "composite"],
  rotate: [],
  composite: [],
  other: [],
};

/** The image between operations: a sharp pipeline plus the size it will have. */
export interface Work {
  img: Sharp;
  width: number;
  /** Height of one frame. */
  height: number;
  frames: number;
  stage: Stage;
  /** False after an operation whose output size only sharp knows (free-angle rotate). */
  sized: boolean;
  /** Some pixel may be transparent (alpha source, circle, rounded corners): JPEG must flatten it. */
  transparent: boolean;
  /** Frame delays (ms) when frames were dropped (JD `cgif`); otherwise the source's. */
  delays?: number[] | undefined;
}

/**
 * The time left to a render and its stop switch. Every sharp call gets only what is left (not the
 * whole budget again), and every step checks the signal, so a render that timed out or was aborted
 * stops instead of running on unseen.
 */
export interface Budget {
  /** `Date.now()` value past which the render has failed whatever its CPU time (the wall backstop). */
  deadline: number;
  /** The render's CPU time (`cpu-meter.ts`): what decides "too expensive". */
  cpu?: CpuCharge | undefined;
  signal: AbortSignal;
  /**
   * The actions staged on the pipeline that has not run yet (sharp is lazy: they run when it is
   * materialised or encoded), so a timeout can name what was running.
   */
  pending?: string[] | undefined;
}

/**
 * Whole seconds a sharp pipeline may run, for its `.timeout()` (at least 1: 0 means "none"): the CPU
 * time left to the render, stretched by how much slower wall time runs on the loaded machine (libvips
 * stops a pipeline by wall time only), and never past the wall backstop.
 * @example
 * img.timeout({ seconds: secondsLeft(ctx) });
 */
export function secondsLeft(budget: Budget): number {
  let ms = budget.deadline - Date.now();
  if (budget.cpu) ms = Math.min(ms, budget.cpu.leftMs() * wallPerCpu());
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Opens the source for processing. `animated` keeps every frame (GIF/WebP); `autoOrient` applies
 * the EXIF orientation first (the Decisions: before every other operation).
 * @example
 * const work = open(source, { animated: false, autoOrient: true });
 */
export function open(
  source: Source,
  { animated, autoOrient }: { animated: boolean; autoOrient: boolean },
): Work {
  const turned = autoOrient && source.orientation >= 5;
  const { raw } = source;
  const img = raw
    ? sharp(raw.data, {
        raw: { width: raw.width, height: raw.height, channels: raw.channels },
        limitInputPixels: LIMITS.maxInputPixels,
      })
    : sharp(source.bytes, decodeOptions({ animated, autoOrient }));
  return {
    img,
    width: turned ? source.height : source.width,
    height: turned ? source.width : source.height,
    frames: animated ? source.frames : 1,
    stage: "fresh",
    sized: true,
    transparent: source.hasAlpha,
  };
}

/**
 * Decodes what is staged to raw pixels and starts a new pipeline from them, so the next operation
 * sees exactly the image written before it.
 * @example
 * work = await settle(work, ctx);
 */
export async function settle(work: Work, budget: Budget): Promise<Work> {
  budget.signal.throwIfAborted();
  if (work.stage === "fresh" && work.sized) return work;
  const { data, info } = await run(
    work.img
      .raw({ depth: "uchar" })
      .timeout({ seconds: secondsLeft(budget) })
      .toBuffer({ resolveWithObject: true }),
  );
  budget.signal.throwIfAborted();
  budget.pending?.splice(0);
  const pageHeight = work.frames > 1 ? Math.round(info.height / work.frames) : info.height;
  return {
    img: sharp(data, {
      raw: { width: info.width, height: info.height, channels: info.channels, pageHeight },
      limitInputPixels: LIMITS.maxInputPixels,
    }),
    width: info.width,
    height: pageHeight,
    frames: work.frames,
    stage: "fresh",
    sized: true,
    transparent: work.transparent,
    delays: work.delays,
  };
}

/**
 * Gives `next` a pipeline it can append to: the same one when sharp keeps the written order,
 * a settled one otherwise.
 * @example
 * const base = await ready(work, "resize", ctx);
 */
export async function ready(work: Work, next: Stage, budget: Budget): Promise<Work> {
  budget.signal.throwIfAborted();
  if (work.sized && CHAINABLE[work.stage].includes(next)) return work;
  return settle(work, budget);
}

/** Runs a sharp promise, turning libvips' failures into the RenderError OSS would answer with. */
export async function run<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw translate(error);
  }
}
