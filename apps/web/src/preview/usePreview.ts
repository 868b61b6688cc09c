import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { keys } from "../api/keys.ts";
import { createLiveLoader, type LiveLoader } from "./live.ts";
import { type LoadedPreview, loadPreview } from "./load.ts";

export interface PreviewState {
  /** The last good preview: kept while the next one loads and when the next one fails. */
  shown: LoadedPreview | null;
  /** The URL `shown` was rendered from. */
  shownUrl: string | null;
  loading: boolean;
  error: ApiError | null;
  /** Fetches the current URL again (the error's Retry button); absent where nothing can be retried. */
  retry?: () => void;
}

/** How long typing must pause before the preview follows (the first keystroke after a pause goes at once). */
export const PREVIEW_DEBOUNCE_MS = 120;

/**
 * Keeps a preview of `url` on screen: live (see `createLiveLoader`), the last good image kept, object
 * URLs revoked once they are no longer shown. `url` null: keep what is shown, request nothing (a draft
 * with syntax errors).
 */
export function usePreview(url: string | null): PreviewState & { retry: () => void } {
  const [state, setState] = useState<PreviewState>({
    shown: null,
    shownUrl: null,
    loading: false,
    error: null,
  });
  const loader = useRef<LiveLoader | null>(null);
  const client = useQueryClient();

  useEffect(() => {
    const live = createLiveLoader<LoadedPreview>({
      delayMs: PREVIEW_DEBOUNCE_MS,
      load: loadPreview,
      onStart: () => setState((s) => ({ ...s, loading: true })),
      onResult: (shownUrl, shown) => setState({ shown, shownUrl, loading: false, error: null }),
      onError: (_url, error) => {
        // The session ended: show the sign-in screen, as every other request does (api/query-client.ts).
        if ((error as ApiError).status === 401) client.setQueryData(keys.session(), null);
        setState((s) => ({ ...s, loading: false, error: error as ApiError }));
      },
    });
    loader.current = live;
    return () => {
      live.dispose();
      loader.current = null;
    };
  }, [client]);

  useEffect(() => {
    if (url !== null) loader.current?.request(url);
  }, [url]);

  const retry = useCallback(() => loader.current?.retry(), []);

  // A result with warnings (a font missing…) is asked for again when the window regains focus: the
  // operator may have fixed the cause meanwhile (installed the font), and a stale warning misleads.
  // The request is conditional (ETag), so an unchanged answer costs a 304.
  const warned = (state.shown?.facts.warnings.length ?? 0) > 0;
  useEffect(() => {
    if (!warned) return;
    const again = () => {
      if (document.visibilityState === "visible") loader.current?.retry();
    };
    window.addEventListener("focus", again);
    document.addEventListener("visibilitychange", again);
    return () => {
      window.removeEventListener("focus", again);
      document.removeEventListener("visibilitychange", again);
    };
  }, [warned]);

  // Revoke a blob URL once React has committed its successor (or the panel went away).
  const objectUrl = state.shown?.objectUrl ?? null;
  useEffect(() => {
    if (objectUrl === null) return;
    return () => URL.revokeObjectURL(objectUrl);
  }, [objectUrl]);

  return { ...state, retry };
}
