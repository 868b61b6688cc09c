import { queryOptions } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api } from "../api/client.ts";
import { readError, send } from "../api/error.ts";

/** The usage API (`apps/bff/src/usage/usage-routes.ts`) as query factories and mutations. */

const usageRoute = api.buckets[":bucket"].usage;
const requestsRoute = api.usage.requests;

export type BucketUsage = InferResponseType<typeof usageRoute.$get, 200>;
export type StyleUsage = BucketUsage["styles"][number];
export type ScanResult = InferResponseType<typeof usageRoute.scan.$post, 200>;
export type LoggingChange = InferRequestType<typeof usageRoute.logging.$put>["json"];
export type RequestsReport = InferResponseType<typeof requestsRoute.$get, 200>;

export const usageKeys = {
  bucket: (bucket: string) => ["buckets", bucket, "usage"] as const,
  requests: (month: string) => ["usage", "requests", month] as const,
};

/** A bucket's style usage with `days` of daily counts. */
export function bucketUsageQuery(bucket: string, days = 30) {
  return queryOptions({
    queryKey: [...usageKeys.bucket(bucket), days] as const,
    queryFn: async () => {
      const res = await send(() => usageRoute.$get({ param: { bucket }, query: { days: String(days) } }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 30_000,
  });
}

/** The month's OSS requests and style API cost. */
export function requestsQuery(month: string) {
  return queryOptions({
    queryKey: usageKeys.requests(month),
    queryFn: async () => {
      const res = await send(() => requestsRoute.$get({ query: { month } }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    staleTime: 30_000,
  });
}

export async function scanNow(bucket: string): Promise<ScanResult> {
  const res = await send(() => usageRoute.scan.$post({ param: { bucket } }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

export async function setLogging(bucket: string, change: LoggingChange) {
  const res = await send(() => usageRoute.logging.$put({ param: { bucket }, json: change }));
  if (!res.ok) throw await readError(res);
  return res.json();
}

const DAY_MS = 86_400_000;

/**
 * Whether a style counts as unused: no request in the last `days` days.
 * @example
 * isUnused({ requests30d: 0, lastUsed: null }, Date.now()); // true
 */
export function isUnused(style: Pick<StyleUsage, "lastUsed">, now: number, days = 30): boolean {
  return style.lastUsed === null || Date.parse(style.lastUsed) < now - days * DAY_MS;
}
