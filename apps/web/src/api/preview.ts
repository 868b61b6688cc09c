import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@style-console/contract/preview";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api } from "./client.ts";
import { ApiError, readError, send } from "./error.ts";

const samplesRoute = api.samples;
const objectsRoute = api.buckets[":bucket"].objects;

export type Sample = InferResponseType<typeof samplesRoute.$get, 200>["samples"][number];
export type ObjectPage = InferResponseType<typeof objectsRoute.$get, 200>;

export const previewKeys = {
  samples: () => ["samples"] as const,
  objects: (bucket: string, prefix: string) => ["buckets", bucket, "objects", prefix] as const,
};

/** Built-in samples, then the operator's uploads (newest first). */
export function samplesQuery() {
  return queryOptions({
    queryKey: previewKeys.samples(),
    queryFn: async () => {
      const res = await send(() => samplesRoute.$get());
      if (!res.ok) throw await readError(res);
      return (await res.json()).samples;
    },
    staleTime: 60_000,
  });
}

/** A bucket's images under a prefix, one page of the BFF's listing at a time. */
export function objectsQuery(bucket: string, prefix: string) {
  return infiniteQueryOptions({
    queryKey: previewKeys.objects(bucket, prefix),
    initialPageParam: "",
    queryFn: async ({ pageParam }): Promise<ObjectPage> => {
      const query = {
        limit: "50",
        ...(prefix ? { prefix } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      const res = await send(() => objectsRoute.$get({ param: { bucket }, query }));
      if (!res.ok) throw await readError(res);
      return res.json();
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
}

export async function deleteSample(id: string): Promise<void> {
  const res = await send(() => samplesRoute[":id"].$delete({ param: { id } }));
  if (!res.ok) throw await readError(res);
}

/**
 * Uploads an image as a preview sample. XMLHttpRequest rather than fetch: only XHR reports upload
 * progress (`upload.onprogress`), and a 20 MB photo on a slow link deserves a real progress bar.
 */
export function uploadSample(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/samples");
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { "Content-Type": "application/json" },
      });
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(1);
        resolve(response.json() as Promise<Sample>);
      } else readError(response).then(reject, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, "NetworkError", "The upload could not reach the server."));
    xhr.onabort = () => reject(new ApiError(0, "Aborted", "The upload was cancelled."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append("file", file);
    xhr.send(body);
  });
}

export type Parity = InferResponseType<typeof api.preview.parity.$get, 200>;

/** Asks the backend (OSS, or the emulator) to render the draft itself, compared with our preview. */
export async function fetchParity(source: string, process: string, bucket: string): Promise<Parity> {
  const res = await send(() => api.preview.parity.$get({ query: { source, process, bucket } }));
  if (!res.ok) throw await readError(res);
  return res.json();
}
