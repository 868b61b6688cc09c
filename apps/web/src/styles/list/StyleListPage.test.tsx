import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderRoute } from "../../testing/render-route.tsx";

const bucket = { name: "demo", region: "cn-hangzhou", endpoint: "http://x", styleCount: 0, styleLimit: 50 };

/** A fake BFF at the network edge: the page, its queries and the client are the real ones. */
function serve(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input instanceof Request ? input.url : input), "http://localhost").pathname;
      calls.push(path);
      const route =
        routes[path] ??
        (path === "/api/session"
          ? () =>
              Response.json({
                signedIn: true,
                user: { id: "u1", username: "olga", displayName: "Olga", role: "operator", buckets: null },
                via: "session",
                expiresAt: null,
              })
          : undefined);
      return route ? route() : Response.json({ error: { code: "NotFound", message: path } }, { status: 404 });
    }),
  );
  return calls;
}

function renderPage(search = "") {
  return renderRoute(`/buckets/demo/styles${search}`);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("StyleListPage", () => {
  it("shows skeletons while loading, then invites the first style in an empty bucket", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls = serve({
      "/api/buckets": () => Response.json([bucket]),
      "/api/buckets/demo/styles": async () => {
        await gate;
        return Response.json({ styles: [] });
      },
    });
    renderPage();
    expect(await screen.findByRole("status", { name: "Loading styles…" })).toBeTruthy();
    // The list does not wait for the buckets; the usage follows the bucket list (a known bucket only).
    const data = () => calls.filter((c) => c.startsWith("/api/buckets")).sort();
    await vi.waitFor(() =>
      expect(data()).toEqual(["/api/buckets", "/api/buckets/demo/styles", "/api/buckets/demo/usage"]),
    );
    release();
    expect(await screen.findByRole("heading", { name: "No styles yet" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Create the first style" }).getAttribute("href")).toBe(
      "/buckets/demo/styles/new",
    );
    expect(screen.getByText("0 of 50 styles")).toBeTruthy();
  });

  it("shows an upstream error with its OSS request id and a hint", async () => {
    serve({
      "/api/buckets": () => Response.json([bucket]),
      "/api/buckets/demo/styles": () =>
        Response.json(
          {
            error: {
              code: "UpstreamDenied",
              message:
                'OSS refused the console\'s request (bucket "demo", AccessDenied): You have no right to access this bucket.',
              requestId: "65A1B2C3D4E5F6",
              details: {
                upstream: {
                  status: 403,
                  code: "AccessDenied",
                  ec: "0003-00000001",
                  hint: "Check the RAM policy.",
                  operation: "ListStyle",
                },
              },
            },
          },
          { status: 502 },
        ),
    });
    renderPage();
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/You have no right to access this bucket\./)).toBeTruthy();
    expect(within(alert).getByText("Hint: Check the RAM policy.")).toBeTruthy();
    expect(within(alert).getByText("AccessDenied (EC 0003-00000001)")).toBeTruthy();
    expect(within(alert).getByText("65A1B2C3D4E5F6")).toBeTruthy();
    expect(within(alert).getByText(/oss:ListStyle/)).toBeTruthy();
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("lists styles with the full content on hover and the exact time on hover", async () => {
    const content = "image/resize,m_fill,w_480,h_320/rounded-corners,r_24/format,webp";
    serve({
      "/api/buckets": () => Response.json([bucket]),
      "/api/buckets/demo/styles": () =>
        Response.json({
          styles: [
            {
              name: "card",
              content,
              category: "image",
              createTime: "2026-01-01T00:00:00Z",
              lastModifyTime: "2026-01-02T03:04:05Z",
            },
          ],
        }),
    });
    renderPage();
    const row = (await screen.findByRole("rowheader", { name: "card" })).closest("tr");
    if (!row) throw new Error("no row");
    expect(within(row).getByText(content).getAttribute("title")).toBe(content);
    const time = row.querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe("2026-01-02T03:04:05Z");
    expect(time?.getAttribute("title")).toMatch(/2026/);
    expect(within(row).getByRole("button", { name: "Delete card" })).toBeTruthy();
  });

  it("keeps search, sort and category in the URL, and reads them back from it", async () => {
    const style = (name: string, category: string, lastModifyTime: string) => ({
      name,
      content: "image/resize,w_10",
      category,
      createTime: lastModifyTime,
      lastModifyTime,
    });
    serve({
      "/api/buckets": () => Response.json([bucket]),
      "/api/buckets/demo/styles": () =>
        Response.json({
          styles: [
            style("alpha", "image", "2026-01-01T00:00:00Z"),
            style("beta", "video", "2026-01-03T00:00:00Z"),
            style("gamma", "video", "2026-01-02T00:00:00Z"),
          ],
        }),
    });
    const { router } = renderPage("?sort=modified&category=video");
    await screen.findByRole("rowheader", { name: "beta" });
    const names = () => screen.getAllByRole("rowheader").map((cell) => cell.textContent);
    expect(names()).toEqual(["beta", "gamma"]);
    expect((screen.getByRole("combobox", { name: "Sort by" }) as HTMLSelectElement).value).toBe("modified");

    fireEvent.change(screen.getByRole("searchbox", { name: "Search styles" }), { target: { value: "gam" } });
    await vi.waitFor(() => expect(names()).toEqual(["gamma"]));
    expect(router.state.location.search).toEqual({ sort: "modified", category: "video", q: "gam" });

    fireEvent.change(screen.getByRole("combobox", { name: "Category" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Sort by" }), { target: { value: "name" } });
    fireEvent.change(screen.getByRole("searchbox", { name: "Search styles" }), { target: { value: "" } });
    await vi.waitFor(() => expect(names()).toEqual(["alpha", "beta", "gamma"]));
    expect(router.state.location.search).toEqual({});

    router.history.back();
    await vi.waitFor(() => expect(router.state.location.search).toEqual({ sort: "modified", q: "gam" }));
  });
});
