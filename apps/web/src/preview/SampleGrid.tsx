import { queryOptions, useQueries } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { keys } from "../api/keys.ts";
import type { Sample } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { stripTicks } from "../lib/ticks.ts";
import { factsFromHeaders, formatBytes, type ImageFacts } from "./facts.ts";
import { fetchPreview } from "./load.ts";
import { previewUrl } from "./source.ts";

interface GridCell {
  blob: Blob | null;
  json: boolean;
  facts: ImageFacts;
}

// The grid's queries go through the app's query client, whose cache sends a 401 (an `ApiError`) to the
// sign-in screen as every other request does.
/** One cell of the grid: the draft rendered on one sample, cached by URL (a render never changes). */
export function gridCellQuery(url: string) {
  return queryOptions({
    queryKey: keys.preview(url),
    queryFn: ({ signal }) => loadCell(url, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30_000,
    retry: false,
  });
}

async function loadCell(url: string, signal: AbortSignal): Promise<GridCell> {
  const started = performance.now();
  const res = await fetchPreview(url, signal);
  const blob = await res.blob();
  const json = (res.headers.get("Content-Type") ?? "").includes("json");
  return {
    blob: json ? null : blob,
    json,
    facts: factsFromHeaders(res.headers, blob.size, performance.now() - started),
  };
}

/** A blob shown as an <img>: its object URL lives exactly as long as the element. */
function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url ? <img src={url} alt={alt} className="grid-img" /> : null;
}

/** Waits for the draft to rest before rendering it on every sample (several renders per change). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The draft on every built-in sample at once (portrait, landscape, PNG with alpha, WebP, greyscale…),
 * each with its output size and bytes: a style that works on one photo and fails on another shows here.
 */
export function SampleGrid({
  samples,
  content,
  bucket,
}: {
  samples: Sample[];
  content: string;
  bucket: string;
}) {
  const { t, locale } = useI18n();
  const draft = useSettled(content, 400);
  const cells = useQueries({
    queries: samples.map((sample) => {
      const url = previewUrl({ kind: "sample", id: sample.id }, draft, bucket);
      return gridCellQuery(url);
    }),
  });
  return (
    <ul className="sample-grid" aria-label={t("grid.title")}>
      {samples.map((sample, i) => {
        const cell = cells[i];
        const data = cell?.data;
        return (
          <li key={sample.id} className="grid-cell" aria-busy={cell?.isFetching ?? false}>
            <div className="grid-frame">
              {data?.blob ? (
                <BlobImage blob={data.blob} alt={sample.name} />
              ) : data?.json ? (
                <span className="muted">JSON</span>
              ) : cell?.isError ? (
                <span className="field-error">
                  {t("grid.failed", { message: stripTicks(cell.error.message) })}
                </span>
              ) : (
                <span className="skeleton grid-skeleton" />
              )}
            </div>
            <p className="grid-name">{sample.name}</p>
            {data ? (
              <p className="grid-facts">
                {data.json
                  ? "JSON"
                  : `${data.facts.width}×${data.facts.height} ${data.facts.format.toUpperCase()}`}{" "}
                · {formatBytes(data.facts.bytes, locale)}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
