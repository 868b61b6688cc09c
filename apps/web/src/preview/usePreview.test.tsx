import { encodeWarnings, PREVIEW_HEADERS } from "@style-console/contract/preview";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { usePreview } from "./usePreview.ts";

const headers = (warnings: string[]) => ({
  "Content-Type": "image/png",
  [PREVIEW_HEADERS.width]: "10",
  [PREVIEW_HEADERS.height]: "10",
  [PREVIEW_HEADERS.format]: "png",
  [PREVIEW_HEADERS.warnings]: encodeWarnings(warnings),
});

beforeEach(() => {
  // jsdom has neither object URLs nor image decoding; these stand in for the browser's.
  URL.createObjectURL = vi.fn(() => `blob:${Math.random()}`);
  URL.revokeObjectURL = vi.fn();
  vi.stubGlobal(
    "Image",
    class {
      src = "";
      decode() {
        return Promise.resolve();
      }
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
);

describe("usePreview", () => {
  it("asks again for a result with warnings when the window regains focus, and drops a warning gone", async () => {
    const answers = [['No installed font has glyphs for "你好"'], []];
    const fetch = vi.fn(
      async () => new Response(new Uint8Array(4), { headers: headers(answers.shift() ?? []) }),
    );
    vi.stubGlobal("fetch", fetch);
    const { result } = renderHook(() => usePreview("/api/preview?x=1"), { wrapper });
    await waitFor(() => expect(result.current.shown?.facts.warnings).toHaveLength(1));
    expect(fetch).toHaveBeenCalledTimes(1);

    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => expect(result.current.shown?.facts.warnings).toEqual([]));
    expect(fetch).toHaveBeenCalledTimes(2);

    // Without warnings, focus asks for nothing.
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
