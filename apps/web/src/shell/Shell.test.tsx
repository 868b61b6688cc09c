import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderRoute } from "../testing/render-route.tsx";

/** The frame around the sign-in screen (the session answers "signed out"). */
function renderShell() {
  return renderRoute("/");
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
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).includes("/api/session")
          ? Response.json({ signedIn: false })
          : Response.json({ status: "ok", version: "9.8.7" }),
      ),
    );
    renderShell();
    expect(await screen.findByRole("link", { name: "Style Console" })).toBeTruthy();
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
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).includes("/api/session")
          ? Response.json({ signedIn: false })
          : Response.json({ status: "ok", version: "1.2.3" }),
      ),
    );
    renderShell();
    fireEvent.change(await screen.findByRole("combobox", { name: "Language" }), {
      target: { value: "zh-CN" },
    });
    expect(screen.getByRole("navigation", { name: "主导航" })).toBeTruthy();
    expect(await screen.findByText("版本 1.2.3")).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(localStorage.getItem("style-console.locale")).toBe("zh-CN");
  });
});
