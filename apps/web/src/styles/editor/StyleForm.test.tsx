import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { autosaveKey, keepUnsaved } from "../../history/autosave.ts";
import { renderRoute } from "../../testing/render-route.tsx";

const bucket = { name: "demo", region: "cn-hangzhou", endpoint: "http://x", styleCount: 1, styleLimit: 50 };
const banner = {
  name: "banner",
  content: "image/resize,w_100",
  category: "image",
  createTime: "2026-11-01T00:00:00.000Z",
  lastModifyTime: "2026-11-02T00:00:00.000Z",
};
const draft = (over: Record<string, unknown>) => ({
  id: 7,
  bucket: "demo",
  name: "banner",
  content: "image/resize,w_200",
  category: "image",
  status: "draft",
  baseContent: banner.content,
  baseLastModifyTime: banner.lastModifyTime,
  author: { id: "u1", username: "dana" },
  note: null,
  reviewer: null,
  reviewComment: null,
  publishedVersionId: null,
  createdAt: "2026-11-03T00:00:00.000Z",
  updatedAt: "2026-11-03T00:00:00.000Z",
  ...over,
});

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** A fake BFF at the network edge: the form, its queries, mutations and router are the real ones. */
function serve(role: "designer" | "operator", requireReview: boolean) {
  const calls: Call[] = [];
  const routes: Record<string, () => Response> = {
    "GET /api/session": () =>
      Response.json({
        signedIn: true,
        user: { id: "u1", username: "dana", displayName: "Dana", role, buckets: null },
        via: "session",
        expiresAt: null,
      }),
    "GET /api/buckets": () => Response.json([bucket]),
    "GET /api/buckets/demo/styles": () => Response.json({ styles: [banner] }),
    "GET /api/buckets/demo/styles/banner": () => Response.json(banner),
    "GET /api/buckets/demo/settings": () => Response.json({ bucket: "demo", requireReview }),
    "GET /api/buckets/demo/drafts": () => Response.json({ drafts: [] }),
    "GET /api/buckets/demo/drafts/7": () =>
      Response.json(draft({ status: "rejected", content: "image/resize,w_300", reviewComment: "smaller" })),
    "POST /api/buckets/demo/drafts": () => Response.json(draft({}), { status: 201 }),
    "PUT /api/buckets/demo/drafts/7": () => Response.json(draft({ content: "image/resize,w_200" })),
    "POST /api/buckets/demo/drafts/7/review": () => Response.json(draft({ status: "in_review" })),
    "DELETE /api/buckets/demo/drafts/7": () => new Response(null, { status: 204 }),
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
      const path = new URL(request.url).pathname;
      const text = request.method === "GET" ? "" : await request.clone().text();
      calls.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined });
      const route = routes[`${request.method} ${path}`];
      return route ? route() : Response.json({ error: { code: "NotFound", message: path } }, { status: 404 });
    }),
  );
  return calls;
}

/** Opens the editor of `banner` with an edit kept from an earlier visit, and takes it back. */
async function openWithEdit() {
  keepUnsaved(autosaveKey("demo", "banner"), {
    name: "banner",
    content: "image/resize,w_200",
    category: "image",
    baseLastModifyTime: banner.lastModifyTime,
    savedAt: "2026-11-03T00:00:00.000Z",
  });
  const view = renderRoute("/buckets/demo/styles/banner/edit");
  fireEvent.click(await screen.findByRole("button", { name: "Restore my edit" }));
  return view;
}

const writes = (calls: Call[]) => calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`);

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

// The whole app renders, with the lazy CodeMirror chunk: slow on a busy machine.
describe("StyleForm drafts", { timeout: 30_000 }, () => {
  it("lets a designer save a draft of the version they started from, then request review of it", async () => {
    const calls = serve("designer", false);
    const { router } = await openWithEdit();
    const save = await screen.findByRole("button", { name: "Review changes" });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    expect(await screen.findByText(/Saved as draft 7/)).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "banner",
      content: "image/resize,w_200",
      category: "image",
      baseLastModifyTime: banner.lastModifyTime,
    });

    // The same draft is kept up to date, then sent; the editor leaves for the bucket's drafts.
    fireEvent.click(screen.getByRole("button", { name: "Request review" }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe("/buckets/demo/drafts"));
    expect(writes(calls)).toEqual([
      "POST /api/buckets/demo/drafts",
      "PUT /api/buckets/demo/drafts/7",
      "POST /api/buckets/demo/drafts/7/review",
    ]);
  });

  it("sends the save through a draft and a review when the bucket requires review, never a PutStyle", async () => {
    const calls = serve("operator", true);
    const { router } = await openWithEdit();
    expect(await screen.findByText(/requires review for every change/)).toBeTruthy();
    // The main button requests review; the draft actions no longer offer it twice.
    expect(screen.getAllByRole("button", { name: "Request review" })).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Request review" }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe("/buckets/demo/drafts"));
    expect(writes(calls)).toEqual([
      "POST /api/buckets/demo/drafts",
      "POST /api/buckets/demo/drafts/7/review",
    ]);
  });

  it("revises a sent-back draft (?draft=<id>): it opens with the draft's content and saving updates that draft", async () => {
    const calls = serve("designer", false);
    renderRoute("/buckets/demo/styles/banner/edit?draft=7");
    const editor = await screen.findByRole("textbox", { name: "Content" });
    await vi.waitFor(() => expect(editor.textContent).toBe("image/resize,w_300"));
    // Opened from the server, it is not unsaved work: nothing is kept locally.
    await new Promise((r) => setTimeout(r, 400)); // past the autosave's 250 ms pause
    expect(localStorage.getItem(autosaveKey("demo", "banner"))).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Request review" }));
    await vi.waitFor(() =>
      expect(writes(calls)).toEqual([
        "PUT /api/buckets/demo/drafts/7",
        "POST /api/buckets/demo/drafts/7/review",
      ]),
    );
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({
      content: "image/resize,w_300",
      category: "image",
    });
  });

  it("deletes the draft being revised after asking: the editor shows the saved style at its own address", async () => {
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.removeAttribute("open");
    };
    const calls = serve("designer", false);
    const { router } = renderRoute("/buckets/demo/styles/banner/edit?draft=7");
    const editor = await screen.findByRole("textbox", { name: "Content" });
    await vi.waitFor(() => expect(editor.textContent).toBe("image/resize,w_300"));
    fireEvent.click(await screen.findByRole("button", { name: "Delete draft" }));
    expect(screen.getByRole("dialog").textContent).toContain("shows the saved style again");
    fireEvent.click(screen.getByRole("button", { name: "Delete draft 7" }));
    expect(await screen.findByText("Draft 7 of banner deleted.")).toBeTruthy();
    await vi.waitFor(() => expect(router.state.location.href).toBe("/buckets/demo/styles/banner/edit"));
    await vi.waitFor(() =>
      expect(screen.getByRole("textbox", { name: "Content" }).textContent).toBe(banner.content),
    );
    expect(screen.queryByRole("button", { name: "Delete draft" })).toBeNull();
    expect(writes(calls)).toEqual(["DELETE /api/buckets/demo/drafts/7"]);
  });

  it("deletes a new style's draft just saved, and returns to the list", async () => {
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.removeAttribute("open");
    };
    const calls = serve("designer", false);
    keepUnsaved(autosaveKey("demo", null), {
      name: "fresh",
      content: "image/resize,w_200",
      category: "image",
      baseLastModifyTime: null,
      savedAt: "2026-11-03T00:00:00.000Z",
    });
    const { router } = renderRoute("/buckets/demo/styles/new");
    fireEvent.click(await screen.findByRole("button", { name: "Restore my edit" }));
    // Nothing on the server yet: nothing to delete.
    expect(screen.queryByRole("button", { name: "Delete draft" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    fireEvent.click(await screen.findByRole("button", { name: "Delete draft" }));
    expect(screen.getByRole("dialog").textContent).toContain("returns to the list");
    fireEvent.click(screen.getByRole("button", { name: "Delete draft 7" }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe("/buckets/demo/styles"));
    expect(writes(calls)).toEqual(["POST /api/buckets/demo/drafts", "DELETE /api/buckets/demo/drafts/7"]);
    // The edit the person chose to drop is not offered back.
    expect(localStorage.getItem(autosaveKey("demo", null))).toBeNull();
  });

  it("refuses to draft what is unchanged", async () => {
    const calls = serve("operator", false);
    renderRoute("/buckets/demo/styles/banner/edit");
    fireEvent.click(await screen.findByRole("button", { name: "Save as draft" }));
    expect(await screen.findByText("No changes to save.")).toBeTruthy();
    expect(writes(calls)).toEqual([]);
  });
});
