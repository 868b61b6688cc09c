import { Hono } from "hono";

/** One part the console needs before it can serve: its state and a sentence for operators. */
export interface ReadinessCheck {
  ready: boolean;
  detail: string;
}

/**
 * What `/api/ready` reports: named parts (`database`, `migrations`, `reconciliation`, `audit-import`,
 * `uploads`, …), each ready or not with a detail. Start-up marks them as it goes; `live` checks (the
 * database answering now) run on every request.
 */
export class Readiness {
  readonly #parts = new Map<string, ReadinessCheck>();
  readonly #live = new Map<string, () => Promise<ReadinessCheck>>();

  /** Declares or updates a part. */
  set(part: string, ready: boolean, detail: string): void {
    this.#parts.set(part, { ready, detail });
  }

  /** A part checked on every `/api/ready` request (its answer replaces the static one). */
  live(part: string, check: () => Promise<ReadinessCheck>): void {
    this.#live.set(part, check);
  }

  /**
   * All parts, live ones checked now; `ready` when every part is.
   * @example
   * await readiness.report(); // { ready: false, checks: { database: { ready: true, … }, migrations: { ready: false, … } } }
   */
  async report(): Promise<{ ready: boolean; checks: Record<string, ReadinessCheck> }> {
    const checks: Record<string, ReadinessCheck> = Object.fromEntries(this.#parts);
    await Promise.all(
      [...this.#live].map(async ([part, check]) => {
        try {
          checks[part] = await check();
        } catch (error) {
          checks[part] = { ready: false, detail: (error as Error).message };
        }
      }),
    );
    if (Object.keys(checks).length === 0) checks.startup = { ready: false, detail: "starting" };
    return { ready: Object.values(checks).every((c) => c.ready), checks };
  }
}

/**
 * `GET /api/ready`: 200 `{ status: "ready", checks }` when every part is ready, else 503
 * `{ status: "not-ready", notReady: [names], checks }`. No session needed; no secret in it (details
 * name parts and states, never a URL or credential). `/api/health` stays plain liveness.
 */
export function readyRoutes(readiness: Readiness) {
  return new Hono().get("/", async (c) => {
    const { ready, checks } = await readiness.report();
    c.header("Cache-Control", "no-store");
    if (ready) return c.json({ status: "ready" as const, checks }, 200);
    const notReady = Object.entries(checks)
      .filter(([, check]) => !check.ready)
      .map(([name]) => name);
    return c.json({ status: "not-ready" as const, notReady, checks }, 503);
  });
}
