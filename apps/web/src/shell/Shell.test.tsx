import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { Shell } from "./Shell.tsx";

function renderShell() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider locale="en">
        <Shell>content</Shell>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe("Shell", () => {
  it("shows the name, the navigation and the server's version", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ status: "ok", version: "9.8.7" })),
    );
    renderShell();
    expect(screen.getByRole("link", { name: "Style Console" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(await screen.findByText("Version 9.8.7")).toBeTruthy();
  });

  it("says when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("down", { status: 502 })),
    );
    renderShell();
    expect(await screen.findByText("Server unreachable")).toBeTruthy();
  });

  it("switches every text to Chinese and remembers the choice", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ status: "ok", version: "1.2.3" })),
    );
    renderShell();
    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "zh-CN" } });
    expect(screen.getByRole("navigation", { name: "主导航" })).toBeTruthy();
    expect(await screen.findByText("版本 1.2.3")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(localStorage.getItem("style-console.locale")).toBe("zh-CN");
  });
});
