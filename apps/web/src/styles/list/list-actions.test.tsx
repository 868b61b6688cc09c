import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Whole-app renders on a shared, loaded machine: a generous per-test bound (the waits inside are bounded too).
vi.setConfig({ testTimeout: 20_000 });

import { renderRoute } from "../../testing/render-route.tsx";

const bucket = { name: "demo", region: "cn-hangzhou", endpoint: "http://x", styleCount: 3, styleLimit: 50 };
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const style = (name: string, lastModifyTime = "2026-11-01T00:00:00.000Z") => ({
  name,
  content: `image/resize,w_${name.length * 10}`,
  category: "image",
  createTime: lastModifyTime,
  lastModifyTime,
});
const styles = [style("hot"), style("cold"), style("never")];
const usageWith = (enabled: boolean) => ({
  logging: { enabled, targetBucket: enabled ? "logs" : null, targetPrefix: enabled ? "" : null },
  scannedThrough: enabled ? ago(0) : null,
  styles: [
    { name: "hot", requests30d: 1234, bytes30d: 1, errors30d: 0, lastUsed: ago(2), daily: [] },
    { name: "cold", requests30d: 0, bytes30d: 0, errors30d: 0, lastUsed: ago(60), daily: [] },
    { name: "never", requests30d: 0, bytes30d: 0, errors30d: 0, lastUsed: null, daily: [] },
  ],
});

/** A fake BFF by method and path; each request is recorded with its query. */
function serve(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
      const url = new URL(request.url, "http://localhost");
      const key = `${request.method} ${url.pathname}`;
      calls.push(`${key}${url.search}`);
      if (key === "GET /api/session")
        return Response.json({
          signedIn: true,
          user: { id: "u1", username: "olga", displayName: "Olga", role: "operator", buckets: null },
          via: "session",
          expiresAt: null,
        });
      const route = routes[key];
      return route
        ? route(request)
        : Response.json({ error: { code: "NotFound", message: key } }, { status: 404 });
    }),
  );
  return calls;
}

const base = (logging: boolean) => ({
  "GET /api/buckets": () => Response.json([bucket]),
  "GET /api/buckets/demo/styles": () => Response.json({ styles }),
  "GET /api/buckets/demo/usage": () => Response.json(usageWith(logging)),
});

const rowOf = async (name: string) => {
  const row = (await screen.findByRole("rowheader", { name })).closest("tr");
  if (!row) throw new Error(`no row ${name}`);
  return row;
};

beforeAll(async () => {
  // The dialogs are a lazy chunk: transform it once here, so no test's time goes to the first import.
  await import("./dialogs-impl.ts");
  // jsdom's <dialog> has `open` but no close(): the console's Dialog calls it when a dialog closes.
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the list's usage columns (issue 13)", () => {
  it("shows last use and 30-day requests, and filters unused for 30 days from the URL", async () => {
    serve(base(true));
    const { router } = renderRoute("/buckets/demo/styles?unused=true");
    await screen.findByRole("rowheader", { name: "cold" });
    const names = () => screen.getAllByRole("rowheader").map((c) => c.textContent);
    await vi.waitFor(() => expect(names()).toEqual(["cold", "never"]));
    expect(within(await rowOf("never")).getByText("Never")).toBeTruthy();

    const filter = screen.getByRole("checkbox", { name: "Only styles unused for 30 days" });
    fireEvent.click(filter);
    await vi.waitFor(() => expect(names()).toEqual(["cold", "hot", "never"]));
    expect(router.state.location.search).toEqual({});
    expect(within(await rowOf("hot")).getByText("1,234")).toBeTruthy();
    expect((await rowOf("hot")).querySelector("time")?.textContent).toBe("2 days ago");
  });

  it("says usage is unknown without logging, never 'unused', and keeps the whole list under the filter", async () => {
    serve(base(false));
    renderRoute("/buckets/demo/styles?unused=true");
    const row = await rowOf("cold");
    expect(await within(row).findByText("Unknown")).toBeTruthy();
    expect(screen.queryByText("Never")).toBeNull();
    expect(
      screen.getByText("Usage unknown: this bucket's access logs are off or not read yet."),
    ).toBeTruthy();
    expect(screen.getAllByRole("rowheader").map((c) => c.textContent)).toEqual(["cold", "hot", "never"]);
    const filter = screen.getByRole("checkbox", {
      name: "Only styles unused for 30 days",
    }) as HTMLInputElement;
    expect(filter.disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Select unused" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("deleting one style", () => {
  it("says how often and when last it was used, and wants the name typed when used in the last 7 days", async () => {
    const calls = serve({
      ...base(true),
      "DELETE /api/buckets/demo/styles/hot": () => new Response(null, { status: 204 }),
    });
    renderRoute("/buckets/demo/styles");
    fireEvent.click(within(await rowOf("hot")).getByRole("button", { name: "Delete hot" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete hot?" });
    expect(
      within(dialog).getByText("Used 1,234 times in the last 30 days; last used 2 days ago."),
    ).toBeTruthy();
    expect(within(dialog).getByText("A deleted style can be restored from Recently deleted.")).toBeTruthy();
    const confirm = within(dialog).getByRole("button", { name: "Delete hot" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const typed = within(dialog).getByLabelText("Type hot to confirm");
    fireEvent.change(typed, { target: { value: "ho" } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(typed, { target: { value: "hot" } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await vi.waitFor(() =>
      expect(calls).toContain(
        `DELETE /api/buckets/demo/styles/hot?expectedLastModifyTime=${encodeURIComponent("2026-11-01T00:00:00.000Z")}`,
      ),
    );
  });

  it("deletes a style unused for 30 days without typing", async () => {
    serve(base(true));
    renderRoute("/buckets/demo/styles");
    fireEvent.click(within(await rowOf("cold")).getByRole("button", { name: "Delete cold" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete cold?" });
    expect(within(dialog).getByText(/Not used in the last 30 days; last used/)).toBeTruthy();
    expect(within(dialog).queryByRole("textbox")).toBeNull();
    expect((within(dialog).getByRole("button", { name: "Delete cold" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe("bulk delete through a plan", () => {
  it("selects the unused styles, names them in the plan, deletes each version shown, and reports a refusal", async () => {
    const calls = serve({
      ...base(true),
      "DELETE /api/buckets/demo/styles/cold": () => new Response(null, { status: 204 }),
      "DELETE /api/buckets/demo/styles/never": () =>
        Response.json(
          { error: { code: "StyleChanged", message: "changed", details: { current: null } } },
          { status: 409 },
        ),
    });
    renderRoute("/buckets/demo/styles");
    await rowOf("cold");
    fireEvent.click(await screen.findByRole("button", { name: "Select unused" }));
    expect(screen.getByText("2 selected")).toBeTruthy();
    expect((screen.getByRole("checkbox", { name: "Select cold" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Select hot" }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Delete selected…" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete 2 styles?" });
    const plan = within(dialog).getByRole("table", { name: "Styles to delete" });
    expect(
      within(plan)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual(["cold", "never"]);
    expect(calls.some((c) => c.startsWith("DELETE"))).toBe(false);

    fireEvent.click(within(dialog).getByRole("button", { name: "Delete 2 styles" }));
    expect(await within(dialog).findByText("1 deleted, 1 kept.")).toBeTruthy();
    expect(within(plan).getByText("Deleted")).toBeTruthy();
    expect(within(plan).getByText("Kept: changed since the plan")).toBeTruthy();
    expect(calls.filter((c) => c.startsWith("DELETE"))).toEqual([
      `DELETE /api/buckets/demo/styles/cold?expectedLastModifyTime=${encodeURIComponent("2026-11-01T00:00:00.000Z")}`,
      `DELETE /api/buckets/demo/styles/never?expectedLastModifyTime=${encodeURIComponent("2026-11-01T00:00:00.000Z")}`,
    ]);
  });

  it("wants the count typed when the plan holds a style used in the last 7 days", async () => {
    serve(base(true));
    renderRoute("/buckets/demo/styles");
    await rowOf("hot");
    fireEvent.click(screen.getByRole("checkbox", { name: "Select all shown styles" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete selected…" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete 3 styles?" });
    expect(
      within(dialog).getByText("1 of them were used in the last 7 days: type 1 to delete them all."),
    ).toBeTruthy();
    const confirm = within(dialog).getByRole("button", { name: "Delete 3 styles" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("Type 1 to confirm"), { target: { value: "1" } });
    expect(confirm.disabled).toBe(false);
  });
});

describe("duplicate and rename", () => {
  it("duplicates as <name>-copy with the same content and category", async () => {
    let body: unknown;
    serve({
      ...base(true),
      "POST /api/buckets/demo/styles": async (request) => {
        body = await request.json();
        return Response.json(style("cold-copy"), { status: 201 });
      },
    });
    renderRoute("/buckets/demo/styles");
    fireEvent.click(within(await rowOf("cold")).getByRole("button", { name: "Duplicate cold" }));
    const dialog = await screen.findByRole("dialog", { name: "Duplicate cold" });
    expect((within(dialog).getByLabelText("New name") as HTMLInputElement).value).toBe("cold-copy");
    fireEvent.click(within(dialog).getByRole("button", { name: "Duplicate" }));
    expect(await screen.findByText("Created cold-copy as a copy of cold.")).toBeTruthy();
    expect(body).toEqual({ name: "cold-copy", content: "image/resize,w_40", category: "image" });
  });

  it("renames with the version shown, refuses a taken name before asking the server", async () => {
    let renameBody: unknown;
    const calls = serve({
      ...base(true),
      "POST /api/buckets/demo/styles/cold/rename": async (request) => {
        renameBody = await request.json();
        return Response.json(style("chilly"));
      },
    });
    renderRoute("/buckets/demo/styles");
    fireEvent.click(within(await rowOf("cold")).getByRole("button", { name: "Rename cold" }));
    const dialog = await screen.findByRole("dialog", { name: "Rename cold" });
    const input = within(dialog).getByLabelText("New name");
    const submit = within(dialog).getByRole("button", { name: "Rename" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(input, { target: { value: "hot" } });
    expect(within(dialog).getByText("A style named hot exists already.")).toBeTruthy();
    expect(submit.disabled).toBe(true);
    fireEvent.change(input, { target: { value: "chilly" } });
    fireEvent.click(submit);
    await vi.waitFor(() => expect(calls).toContain("POST /api/buckets/demo/styles/cold/rename"));
    expect(await screen.findByText("Renamed cold to chilly.")).toBeTruthy();
    expect(renameBody).toEqual({ newName: "chilly", expectedLastModifyTime: "2026-11-01T00:00:00.000Z" });
  });
});
