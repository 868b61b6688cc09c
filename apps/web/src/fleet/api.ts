import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "../api/client.ts";
import { readError, send } from "../api/error.ts";

/** The fleet API (matrix, copy plans and jobs, import, style URLs) as query options and calls. */

export type FleetMatrix = InferResponseType<typeof api.fleet.styles.$get, 200>;
export type FleetJob = InferResponseType<(typeof api.fleet.jobs)[":id"]["$get"], 200>;
export type StyleUrls = InferResponseType<(typeof api.buckets)[":bucket"]["style-urls"]["$get"], 200>;
export interface ImportPlan {
  planId: string;
  plan: Array<{ name: string; action: string; reason?: string }>;
}
export interface ImportResults {
  planId: string;
  results: Array<{ name: string; action: string; status: string; message?: string }>;
}

export const fleetKeys = {
  all: () => ["fleet"] as const,
  matrix: (reference: string) => ["fleet", "matrix", reference] as const,
  job: (id: string) => ["fleet", "jobs", id] as const,
  urls: (bucket: string, key: string, style: string) => ["fleet", "urls", bucket, key, style] as const,
};

async function ok<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) throw await readError(res);
  return res.json();
}

export function matrixQuery(reference: string) {
  return queryOptions({
    queryKey: fleetKeys.matrix(reference),
    queryFn: async () => ok(await send(() => api.fleet.styles.$get({ query: { reference } }))),
    enabled: reference !== "",
  });
}

/** A job, polled while it runs (progress bar). */
export function jobQuery(id: string) {
  return queryOptions({
    queryKey: fleetKeys.job(id),
    queryFn: async () => ok(await send(() => api.fleet.jobs[":id"].$get({ param: { id } }))),
    refetchInterval: (query) => (query.state.data?.state === "running" ? 400 : false),
  });
}

export function styleUrlsQuery(bucket: string, key: string, style: string) {
  return queryOptions({
    queryKey: fleetKeys.urls(bucket, key, style),
    queryFn: async () =>
      ok(
        await send(() =>
          api.buckets[":bucket"]["style-urls"].$get({ param: { bucket }, query: { key, style } }),
        ),
      ),
    enabled: key !== "",
    staleTime: 60_000,
  });
}

export async function planCopy(body: {
  source: string;
  targets: string[];
  delete: boolean;
}): Promise<FleetJob> {
  const res = await send(() => api.fleet.copy.plan.$post({ json: body }));
  if (!res.ok) throw await readError(res);
  return (await res.json()) as FleetJob;
}

export async function applyJob(id: string): Promise<FleetJob> {
  const res = await send(() => api.fleet.jobs[":id"].apply.$post({ param: { id } }));
  if (!res.ok) throw await readError(res);
  return (await res.json()) as FleetJob;
}

export async function cancelJob(id: string): Promise<FleetJob> {
  const res = await send(() => api.fleet.jobs[":id"].cancel.$post({ param: { id } }));
  if (!res.ok) throw await readError(res);
  return (await res.json()) as FleetJob;
}

/** Import: with `planId`, applies that reviewed plan; otherwise a dry run that returns the plan. */
export async function importFile(
  bucket: string,
  file: unknown,
  planId?: string,
): Promise<ImportPlan | ImportResults> {
  const query = planId ? `planId=${encodeURIComponent(planId)}` : "dryRun=true";
  const res = await send(() =>
    fetch(`/api/buckets/${encodeURIComponent(bucket)}/styles/import?${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Requested-With": "style-console" },
      body: JSON.stringify(file),
    }),
  );
  if (!res.ok) throw await readError(res);
  return (await res.json()) as ImportPlan | ImportResults;
}

export function exportUrl(bucket: string, format: "json" | "terraform" | "ossutil"): string {
  return `/api/buckets/${encodeURIComponent(bucket)}/styles/export?format=${format}`;
}
