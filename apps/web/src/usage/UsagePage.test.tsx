import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderRoute } from "../testing/render-route.tsx";

// The usage page against a fake BFF at the network edge: the page, its queries and the client are real.

const off = { enabled: false, targetBucket: null, targetPrefix: null };

type Logging = { enabled: boolean; targetBucket: string | null; targetPrefix: string | null };

function serve(role: "viewer" | "operator", initial: Logging = off) {
  let logging = initial;
  const puts: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
      const path = new URL(request.url).pathname;
      if (path === "/api/session")
        return Response.json({
          signedIn: true,
          user: { id: "u1", username: "olga", displayName: "Olga", role, buckets: null },
          via: "session",
          expiresAt: null,
        });
      if (path === "/api/buckets/demo/usage/logging" && request.method === "PUT") {
        const body = (await request.json()) as {
          enabled: boolean;
          targetBucket?: string;
          targetPrefix?: string;
        };
        puts.push(body);
        logging = body.enabled
          ? { enabled: true, targetBucket: body.targetBucket ?? null, targetPrefix: body.targetPrefix ?? "" }
          : off;
        return Response.json(logging);
      }
      if (path === "/api/buckets/demo/usage")
        return Response.json({
          bucket: "demo",
          logging,
          scannedThrough: null,
          lastScanAt: null,
          malformedLines: 0,
          styles: [{ name: "thumb", requests30d: 0, bytes30d: 0, errors30d: 0, lastUsed: null, daily: [] }],
        });
      if (path === "/api/buckets/demo/usage/scan")
        return Response.json({
          bucket: "demo",
          objects: 2,
          lines: 40,
          malformed: 1,
          styleRequests: 12,
          missing: [],
          malformedSamples: [],
          scannedThrough: null,
          loggingEnabled: true,
          warnings: [{ kind: "delimiters-unreadable", detail: "AccessDenied" }],
        });
      if (path === "/api/buckets") return Response.json([]);
      return Response.json({ error: { code: "NotFound", message: path } }, { status: 404 });
    }),
  );
  return puts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("UsagePage: a bucket without access logging", () => {
  it("says so and lets an operator enable it with a target bucket and prefix", async () => {
    const puts = serve("operator");
    renderRoute("/buckets/demo/usage");
    expect(await screen.findByText(/Access logging is off for this bucket/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Scan logs now" }) as HTMLButtonElement).disabled).toBe(true);
    const target = screen.getByLabelText("Log bucket") as HTMLInputElement;
    const prefix = screen.getByLabelText("Log prefix") as HTMLInputElement;
    expect([target.value, prefix.value]).toEqual(["demo", "access-log/demo/"]);
    fireEvent.change(target, { target: { value: "demo-logs" } });
    fireEvent.change(prefix, { target: { value: "photos/" } });
    fireEvent.click(screen.getByRole("button", { name: "Enable access logging" }));
    expect(await screen.findByText("Access logs go to demo-logs/photos/.")).toBeTruthy();
    expect(puts).toEqual([{ enabled: true, targetBucket: "demo-logs", targetPrefix: "photos/" }]);
    expect((screen.getByRole("button", { name: "Scan logs now" }) as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Turn logging off" }));
    expect(await screen.findByText(/Access logging is off for this bucket/)).toBeTruthy();
    expect(puts.at(-1)).toEqual({ enabled: false });
  });

  it("shows a viewer the state and why they cannot change it, without sending anything", async () => {
    const puts = serve("viewer");
    renderRoute("/buckets/demo/usage");
    expect(await screen.findByText(/Access logging is off for this bucket/)).toBeTruthy();
    const enable = screen.getByRole("button", { name: "Enable access logging" }) as HTMLButtonElement;
    expect(enable.disabled).toBe(true);
    const reason = document.getElementById(enable.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toMatch(/Operator/);
    fireEvent.click(enable);
    expect(puts).toEqual([]);
  });
});

describe("UsagePage: Scan now", () => {
  it("reports what the scan read, and what limited it", async () => {
    serve("viewer", { enabled: true, targetBucket: "logs", targetPrefix: "demo/" });
    renderRoute("/buckets/demo/usage");
    fireEvent.click(await screen.findByRole("button", { name: "Scan logs now" }));
    expect(await screen.findByText(/Read 2 log object\(s\), 40 line\(s\); 1 malformed\./)).toBeTruthy();
    expect(screen.getByText(/style delimiters could not be read/).getAttribute("title")).toBe("AccessDenied");
  });
});
