import { decodeWarnings, PREVIEW_HEADERS } from "@style-console/contract/preview";
/** What the preview's response says about the rendered image (from its `X-Image-*` headers). */
export interface ImageFacts {
  width: number;
  height: number;
  format: string;
  frames: number;
  bytes: number;
  /**
   * Server render time in ms (the sum of Server-Timing's durations); for a cached answer, or without
   * Server-Timing, the measured round trip (what the designer actually waited).
   */
  renderMs: number;
  /** True when the BFF served it from its cache (LRU or revalidated). */
  cached: boolean;
  warnings: string[];
}

const int = (value: string | null) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? n : 0;
};

/**
 * Server-Timing (`fetch;dur=3.1, decode;dur=40.2, render;dur=8, encode;dur=12, cache;desc=miss`) as
 * named durations plus the cache's description.
 */
export function parseServerTiming(header: string | null): { total: number; cache: string | null } {
  let total = 0;
  let cache: string | null = null;
  for (const entry of (header ?? "").split(",")) {
    const [name, ...params] = entry.trim().split(";");
    for (const param of params) {
      const [key, raw] = param.trim().split("=");
      if (key === "dur") total += Number.parseFloat(raw ?? "") || 0;
      if (key === "desc" && name === "cache") cache = (raw ?? "").replace(/^"|"$/g, "");
    }
  }
  return { total, cache };
}

/** Reads the facts of a preview response; `measuredMs` stands in when Server-Timing is absent. */
export function factsFromHeaders(headers: Headers, bodyBytes: number, measuredMs: number): ImageFacts {
  const timing = parseServerTiming(headers.get("Server-Timing"));
  const cached = timing.cache !== null && timing.cache !== "miss";
  const warnings = decodeWarnings(headers.get(PREVIEW_HEADERS.warnings));
  return {
    width: int(headers.get(PREVIEW_HEADERS.width)),
    height: int(headers.get(PREVIEW_HEADERS.height)),
    format: headers.get(PREVIEW_HEADERS.format) ?? "unknown",
    frames: int(headers.get(PREVIEW_HEADERS.frames)) || 1,
    bytes: int(headers.get("Content-Length")) || bodyBytes,
    renderMs: timing.total > 0 && !cached ? timing.total : measuredMs,
    cached,
    warnings,
  };
}

/** 1536 → "1.5 KB", 2_400_000 → "2.29 MB": binary units, as file managers show them. */
export function formatBytes(bytes: number, locale = "en"): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** The change of the output against the original, signed and rounded: "−87%", "+12%", "±0%". */
export function formatChange(bytes: number, original: number, locale = "en"): string | null {
  if (original <= 0) return null;
  const ratio = (bytes - original) / original;
  const pct = Math.round(ratio * 100);
  if (pct === 0) return "±0%";
  // A 6 MP photo to a thumbnail is −99.7%, not −100% (which would mean nothing is left).
  const digits = Math.abs(pct) === 100 && ratio !== -1 ? 1 : 0;
  const value = digits === 1 ? Math.floor(Math.abs(ratio) * 1000) / 10 : Math.abs(pct);
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${pct < 0 ? "−" : "+"}${text}%`;
}

/** "12 ms" under a second, "1.3 s" above. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
