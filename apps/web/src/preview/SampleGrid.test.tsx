import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keys } from "../api/keys.ts";
import type { Sample } from "../api/preview.ts";
import { createQueryClient } from "../api/query-client.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { SampleGrid } from "./SampleGrid.tsx";

const flowers: Sample = {
  id: "flowers",
  name: "flowers.jpeg",
  kind: "builtin",
  format: "jpeg",
  width: 800,
  height: 450,
  frames: 1,
  bytes: 1000,
};

const imageHeaders = {
  "Content-Type": "image/png",
  "X-Image-Width": "200",
  "X-Image-Height": "113",
  "X-Image-Format": "png",
  "X-Image-Frames": "1",
};

function grid() {
  const client = createQueryClient();
  client.setQueryData(keys.session(), { signedIn: true });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider locale="en">
        <SampleGrid samples={[flowers]} content="image/resize,w_200" bucket="photos" />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return client;
}

beforeEach(() => {
  // jsdom has no object URLs; this stands in for the browser's.
  URL.createObjectURL = vi.fn(() => "blob:cell");
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SampleGrid", () => {
  it("waits out a busy server (503 + Retry-After) and then shows the cell", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response("busy", { status: 503, headers: { "Retry-After": "0" } }))
      .mockResolvedValueOnce(new Response(new Uint8Array(7), { status: 200, headers: imageHeaders }));
    vi.stubGlobal("fetch", fetch);
    grid();
    expect(await screen.findByRole("img", { name: "flowers.jpeg" }, { timeout: 3000 })).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/200×113 PNG/)).toBeTruthy();
  });

  it("sends an ended session (401) to the sign-in screen and shows the server's message", async () => {
    const body = { error: { code: "Unauthenticated", message: "Sign in again." } };
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(Response.json(body, { status: 401 })));
    const client = grid();
    expect(await screen.findByText(/Sign in again\./, {}, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(client.getQueryData(keys.session())).toBeNull());
  });
});
