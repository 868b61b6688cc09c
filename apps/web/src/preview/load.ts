import { ApiError, readError } from "../api/error.ts";
import { factsFromHeaders, type ImageFacts } from "./facts.ts";

/** A rendered preview ready to show: its decoded image's object URL (or JSON text) and its facts. */
export interface LoadedPreview {
  /** `blob:` URL of the image, already decoded; null for JSON answers and undisplayable formats. */
  objectUrl: string | null;
  /** `info` / `average-hue` answer JSON. */
  json: string | null;
  facts: ImageFacts;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Fetches a preview URL and answers its response once it is OK. A full render queue or download pool
 * (503) is retried after its Retry-After, a few times; any other failure is an `ApiError` (a 401 among
 * them, which the caller routes to the sign-in screen).
 */
export async function fetchPreview(url: string, signal: AbortSignal): Promise<Response> {
  let res: Response;
  for (let attempt = 0; ; attempt += 1) {
    try {
      res = await fetch(url, { signal, credentials: "same-origin" });
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new ApiError(0, "NetworkError", cause instanceof Error ? cause.message : String(cause));
    }
    if (res.status !== 503 || attempt >= 3) break;
    const after = Number.parseFloat(res.headers.get("Retry-After") ?? "1");
    await sleep(Math.min(5, Number.isFinite(after) ? after : 1) * 1000, signal);
  }
  if (!res.ok) throw await readError(res);
  return res;
}

/**
 * JSON answers (`info`, `average-hue`) indented by two spaces for reading; text that is not JSON is
 * kept as it came.
 * @example
 * prettyJson('{"a":{"b":1}}'); // '{\n  "a": {\n    "b": 1\n  }\n}'
 */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Fetches one preview ({@link fetchPreview}) and decodes it off-screen (`new Image()` + `decode()`)
 * before anyone shows it, so swapping the `<img>`'s src never flashes a half-drawn or blank image. A
 * format the browser cannot draw (TIFF, HEIC) still yields its facts.
 */
export async function loadPreview(url: string, signal: AbortSignal): Promise<LoadedPreview> {
  const started = performance.now();
  const res = await fetchPreview(url, signal);
  const blob = await res.blob();
  const facts = factsFromHeaders(res.headers, blob.size, performance.now() - started);
  if ((res.headers.get("Content-Type") ?? "").includes("json"))
    return { objectUrl: null, json: prettyJson(await blob.text()), facts };
  const objectUrl = URL.createObjectURL(blob);
  const image = new Image();
  image.src = objectUrl;
  try {
    await image.decode();
  } catch {
    URL.revokeObjectURL(objectUrl);
    return { objectUrl: null, json: null, facts };
  }
  if (signal.aborted) {
    URL.revokeObjectURL(objectUrl);
    throw signal.reason;
  }
  return { objectUrl, json: null, facts };
}
