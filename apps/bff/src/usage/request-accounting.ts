import { AsyncLocalStorage } from "node:async_hooks";
import { apiNameOf, type OssClientHooks } from "@style-console/oss";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Counts every OSS request the console sends, by month, OSS API, bucket and person, from the OSS
 * client's `afterResponse` hook (each attempt of a retried call is a request OSS bills). The person is
 * the principal of the API request that caused the call (carried by `AsyncLocalStorage` from the route
 * through the services to the client), or `system` for background work such as the usage scan.
 *
 * Counts gather in memory and are added to `oss_requests` every few seconds (and before a report), so a
 * request costs no database write of its own; several replicas add to the same rows.
 */

/** Who caused an OSS call. */
export interface RequestPrincipal {
  id: string;
  name: string;
}

/**
 * The accounting's view of a signed-in caller.
 * @example
 * principalOf(c.var.principal); // { id: "u_1", name: "Ann" } (null, before sign-in: the console itself)
 */
export function principalOf(principal: { id: string; displayName: string } | null): RequestPrincipal {
  return principal ? { id: principal.id, name: principal.displayName } : SYSTEM_PRINCIPAL;
}

export const SYSTEM_PRINCIPAL: RequestPrincipal = { id: "system", name: "Console (background)" };

const principals = new AsyncLocalStorage<RequestPrincipal>();

/**
 * Runs `task` with `principal` as the person its OSS calls are counted for.
 * @example
 * await asPrincipal({ id: "u1", name: "Ann" }, () => styles.list());
 */
export function asPrincipal<T>(principal: RequestPrincipal, task: () => T): T {
  return principals.run(principal, task);
}

/** The month an OSS request is billed in: `YYYY-MM` of UTC+8 (OSS bills in Beijing time). */
export function billingMonth(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The style API calls the seed prices (¥0.0001 each after 1,000 free a month). */
export const STYLE_APIS = ["PutStyle", "GetStyle", "ListStyle", "DeleteStyle"] as const;

export interface PriceList {
  /** Style API requests free per month (seed: 1,000). */
  freePerMonth: number;
  /** CNY per style API request beyond the free tier (seed: 0.0001). */
  pricePerRequestCny: number;
}

/** The month's report (`GET /api/usage/requests`). */
export interface RequestsReport {
  month: string;
  total: number;
  byApi: Record<string, number>;
  byBucket: Record<string, number>;
  /** Requests per person id. */
  byUser: Record<string, number>;
  /** Display names of the people in `byUser`. */
  userNames: Record<string, string>;
  /** Style API requests (PutStyle, GetStyle, ListStyle, DeleteStyle) this month. */
  styleRequests: number;
  freeTier: number;
  billable: number;
  costCny: number;
  pricePerRequestCny: number;
}

export class RequestAccounting {
  readonly #db: Kysely<Database>;
  readonly #now: () => number;
  #pending = new Map<
    string,
    { month: string; api: string; bucket: string; who: RequestPrincipal; n: number }
  >();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: Kysely<Database>, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * The hook to give the OSS client: counts each attempt that reached OSS (answered, or lost on the
   * network after it was sent); one refused before sending (bad input, aborted) cost nothing.
   */
  readonly hooks: OssClientHooks = {
    afterResponse: (info) => {
      const sent =
        info.status !== undefined || info.errorCode === "NetworkError" || info.errorCode === "RequestTimeout";
      if (sent) this.count(apiNameOf(info.operation), info.bucket);
    },
  };

  /**
   * Counts one request for the current principal.
   * @example
   * accounting.count("ListStyle", "photos");
   */
  count(api: string, bucket: string | undefined): void {
    const who = principals.getStore() ?? SYSTEM_PRINCIPAL;
    const month = billingMonth(this.#now());
    const b = bucket ?? "-";
    const id = `${month}\u0000${api}\u0000${b}\u0000${who.id}`;
    const entry = this.#pending.get(id);
    if (entry) entry.n++;
    else this.#pending.set(id, { month, api, bucket: b, who, n: 1 });
  }

  /** Writes counts every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs = 5000): void {
    this.#timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  /**
   * Adds the pending counts to the database (one statement). On failure they are kept for the next try.
   * @example
   * await accounting.flush();
   */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const batch = this.#pending;
      this.#pending = new Map();
      try {
        await this.#db
          .insertInto("oss_requests")
          .values(
            [...batch.values()].map((e) => ({
              month: e.month,
              api: e.api,
              bucket: e.bucket,
              principal_id: e.who.id,
              principal_name: e.who.name,
              requests: e.n,
            })),
          )
          .onConflict((oc) =>
            oc.columns(["month", "api", "bucket", "principal_id"]).doUpdateSet({
              requests: sql`oss_requests.requests + excluded.requests`,
              principal_name: (eb) => eb.ref("excluded.principal_name"),
            }),
          )
          .execute();
      } catch (error) {
        for (const [id, e] of batch) {
          const kept = this.#pending.get(id);
          if (kept) kept.n += e.n;
          else this.#pending.set(id, e);
        }
        throw error;
      }
    });
    return this.#flushing;
  }

  /**
   * The month's requests and what the style API calls cost (`month` as `YYYY-MM`).
   * @example
   * await accounting.report("2026-11", { freePerMonth: 1000, pricePerRequestCny: 0.0001 });
   */
  async report(month: string, prices: PriceList): Promise<RequestsReport> {
    await this.flush().catch(() => {});
    const rows = await this.#db
      .selectFrom("oss_requests")
      .select(["api", "bucket", "principal_id", "principal_name", "requests"])
      .where("month", "=", month)
      .execute();
    const report: RequestsReport = {
      month,
      total: 0,
      byApi: Object.fromEntries(STYLE_APIS.map((api) => [api, 0])),
      byBucket: {},
      byUser: {},
      userNames: {},
      styleRequests: 0,
      freeTier: prices.freePerMonth,
      billable: 0,
      costCny: 0,
      pricePerRequestCny: prices.pricePerRequestCny,
    };
    const add = (record: Record<string, number>, key: string, n: number) => {
      record[key] = (record[key] ?? 0) + n;
    };
    for (const row of rows) {
      const n = Number(row.requests);
      report.total += n;
      add(report.byApi, row.api, n);
      add(report.byBucket, row.bucket, n);
      add(report.byUser, row.principal_id, n);
      report.userNames[row.principal_id] = row.principal_name;
      if ((STYLE_APIS as readonly string[]).includes(row.api)) report.styleRequests += n;
    }
    report.billable = Math.max(0, report.styleRequests - prices.freePerMonth);
    // Whole ten-thousandths of a yuan, so 0.1 + 0.2 style float noise never shows.
    report.costCny = Math.round(report.billable * prices.pricePerRequestCny * 1e4) / 1e4;
    return report;
  }
}
