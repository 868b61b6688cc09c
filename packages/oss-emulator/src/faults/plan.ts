/**
 * Which fault, if any, the next request gets: a fixed schedule first (request 1 gets `schedule[0]`, …),
 * then independent draws with the given probabilities from a seeded generator, so a failing test can be
 * replayed exactly.
 */

export const faultKinds = ["429", "500", "503", "reset", "truncate", "reset-after-commit"] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultOptions {
  /** Probability (0–1) of each fault per request; their sum must not exceed 1. */
  readonly probabilities?: Partial<Record<FaultKind, number>> | undefined;
  /** Faults for the first requests, in order; `"none"` lets a request through. */
  readonly schedule?: ReadonlyArray<FaultKind | "none"> | undefined;
  /** Added latency per request: fixed milliseconds or a uniform range. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number } | undefined;
  /** Seed of the generator (default 1). */
  readonly seed?: number | undefined;
  /** `Retry-After` seconds sent with injected 429 and 503 answers, as OSS's throttling may; none by default. */
  readonly retryAfterSeconds?: number | undefined;
}

export interface FaultDecision {
  readonly kind: FaultKind | undefined;
  readonly latencyMs: number;
  readonly retryAfterSeconds?: number | undefined;
}

/**
 * mulberry32: a tiny, good-enough seeded generator; `Math.random` cannot be replayed.
 *
 * @example
 * const random = seeded(42); random(); // 0.6011037519201636
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Validates fault options; throws a message naming the bad field.
 *
 * @example
 * validateFaults({ probabilities: { "503": 0.3, reset: 0.1 } });
 */
export function validateFaults(options: FaultOptions): void {
  let total = 0;
  for (const [kind, p] of Object.entries(options.probabilities ?? {})) {
    if (!(faultKinds as readonly string[]).includes(kind))
      throw new Error(`Unknown fault "${kind}"; expected one of ${faultKinds.join(", ")}.`);
    if (typeof p !== "number" || !(p >= 0 && p <= 1))
      throw new Error(`Expected a probability 0–1 for fault ${kind}, got ${p}.`);
    total += p;
  }
  if (total > 1 + 1e-9)
    throw new Error(`The fault probabilities add up to ${total}; they must not exceed 1.`);
  for (const [i, kind] of (options.schedule ?? []).entries()) {
    if (kind !== "none" && !(faultKinds as readonly string[]).includes(kind)) {
      throw new Error(
        `Unknown fault "${kind}" at position ${i + 1} of the schedule; expected none or one of ${faultKinds.join(", ")}.`,
      );
    }
  }
  const retryAfter = options.retryAfterSeconds;
  if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && retryAfter >= 0))
    throw new Error(`Expected Retry-After as whole seconds ≥ 0, got ${retryAfter}.`);
  const latency = options.latencyMs;
  if (typeof latency === "number" && !(latency >= 0))
    throw new Error(`Expected latency ≥ 0 ms, got ${latency}.`);
  if (typeof latency === "object" && !(latency.min >= 0 && latency.max >= latency.min)) {
    throw new Error(`Expected a latency range 0 ≤ min ≤ max, got ${latency.min}–${latency.max}.`);
  }
}

/**
 * A decision function over `options`; `undefined` options means no faults at all.
 *
 * @example
 * const next = createFaultPlan({ schedule: ["503", "none"] });
 * next().kind; // "503"
 */
export function createFaultPlan(options: FaultOptions | undefined): () => FaultDecision {
  if (!options) return () => ({ kind: undefined, latencyMs: 0 });
  validateFaults(options);
  const random = seeded(options.seed ?? 1);
  const schedule = options.schedule ?? [];
  const probabilities = Object.entries(options.probabilities ?? {}) as Array<[FaultKind, number]>;
  let count = 0;
  const { retryAfterSeconds } = options;
  return () => {
    const latency = options.latencyMs;
    const latencyMs =
      typeof latency === "object" ? latency.min + random() * (latency.max - latency.min) : (latency ?? 0);
    const scheduled = schedule[count++];
    if (scheduled !== undefined)
      return { kind: scheduled === "none" ? undefined : scheduled, latencyMs, retryAfterSeconds };
    let draw = random();
    for (const [kind, p] of probabilities) {
      if (draw < p) return { kind, latencyMs, retryAfterSeconds };
      draw -= p;
    }
    return { kind: undefined, latencyMs };
  };
}
