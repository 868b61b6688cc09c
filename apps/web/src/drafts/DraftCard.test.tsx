import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { keys } from "../api/keys.ts";
import { createQueryClient } from "../api/query-client.ts";
import type { Style } from "../api/styles.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { ToastProvider } from "../ui/toast.tsx";
import type { Draft } from "./api.ts";

// The card links to the editor; outside a router, a plain anchor stands in for the router's Link.
vi.mock("@tanstack/react-router", () => ({
  Link: ({ children, className }: { children: React.ReactNode; className?: string }) => (
    <a href="/editor" className={className}>
      {children}
    </a>
  ),
}));
const { DraftCard } = await import("./DraftCard.tsx");

const base = "2026-11-02T00:00:00.000Z";
const live: Style = {
  name: "banner",
  content: "image/resize,w_100",
  category: "image",
  createTime: "2026-11-01T00:00:00.000Z",
  lastModifyTime: base,
} as Style;
const draft: Draft = {
  id: 7,
  bucket: "demo",
  name: "banner",
  content: "image/resize,w_200",
  category: "image",
  status: "in_review",
  baseContent: live.content,
  baseLastModifyTime: base,
  author: { id: "dana", username: "dana" },
  note: "bigger",
  reviewer: null,
  reviewComment: null,
  publishedVersionId: null,
  createdAt: base,
  updatedAt: base,
};

function card(
  props: { live?: Style | null; requireReview?: boolean; me?: string; role?: "designer" | "operator" } = {},
  publish: () => Response = () => Response.json({}),
) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://x"), init);
      // Reads (the preview's samples) aside: what the card asks the server to do.
      if (request.method !== "GET") calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return request.url.endsWith("/publish") ? publish() : Response.json({});
    }),
  );
  const client = createQueryClient();
  client.setQueryData(keys.session(), {
    signedIn: true,
    user: { id: props.me ?? "olga", username: "olga", role: props.role ?? "operator", buckets: null },
  } as never);
  render(
    <QueryClientProvider client={client}>
      <I18nProvider locale="en">
        <ToastProvider>
          <DraftCard
            bucket="demo"
            draft={draft}
            live={props.live === undefined ? live : props.live}
            requireReview={props.requireReview ?? false}
          />
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DraftCard", () => {
  it("diffs the draft against the live version, with the author's note and a reviewer's actions", () => {
    card();
    expect(screen.getByRole("heading", { name: /banner/ }).textContent).toContain("waiting for review");
    expect(screen.getByText("bigger")).toBeTruthy();
    const changed = document.querySelectorAll("[data-testid=version-diff] tr[data-kind=changed]");
    expect(changed).toHaveLength(1);
    expect(screen.queryByTestId("draft-moved")).toBeNull();
    expect((screen.getByRole("button", { name: "Publish" }) as HTMLButtonElement).disabled).toBe(false);
    // Sending back needs a comment.
    const reject = screen.getByRole("button", { name: "Send back" }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Review comment"), { target: { value: "too big" } });
    expect(reject.disabled).toBe(false);
    // Not the author: nothing to revise.
    expect(screen.queryByRole("link", { name: "Revise in the editor" })).toBeNull();
  });

  it("says when the live style moved on since the draft started, and diffs against what is live now", () => {
    card({ live: { ...live, content: "image/resize,w_150", lastModifyTime: "2026-11-05T00:00:00.000Z" } });
    expect(screen.getByTestId("draft-moved").textContent).toMatch(/changed after this draft was started/);
    expect(screen.getByTestId("version-diff").textContent).toContain("w_150");
  });

  it("shows the 409 view when publishing finds another live version, with what is live now", async () => {
    const calls = card({}, () =>
      Response.json(
        {
          error: {
            code: "StyleChanged",
            message: 'Style "banner" changed since the draft was started.',
            details: { current: { ...live, content: "image/resize,w_160" } },
          },
        },
        { status: 409 },
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "Publish" }));
    const view = await screen.findByTestId("draft-conflict");
    expect(view.getAttribute("role")).toBe("alert");
    expect(view.textContent).toContain("banner changed after the draft was started");
    expect(view.querySelector("[data-testid=version-diff]")?.textContent).toContain("w_160");
    expect(calls).toEqual(["POST /api/buckets/demo/drafts/7/publish"]);
  });

  it("refuses the author's own approval when the bucket requires review, and offers them a revision", () => {
    const calls = card({ me: "dana", requireReview: true });
    const publish = screen.getByRole("button", { name: "Publish" }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(document.getElementById(publish.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /someone other than you must publish/,
    );
    fireEvent.click(publish);
    expect(calls).toEqual([]);
    expect(screen.getByRole("link", { name: "Revise in the editor" })).toBeTruthy();
  });

  it("offers its author a delete while it is not published, and nobody one after", async () => {
    card({ me: "dana", role: "designer" });
    const remove = (await screen.findByRole("button", { name: "Delete draft" })) as HTMLButtonElement;
    expect(remove.disabled).toBe(false);
    cleanup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider locale="en">
          <DraftCard
            bucket="demo"
            draft={{ ...draft, status: "published" }}
            live={live}
            requireReview={false}
          />
        </I18nProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByRole("heading", { name: /banner/ }).textContent).toContain("published");
    await new Promise((r) => setTimeout(r, 50)); // the lazy chunk would have loaded by now
    expect(screen.queryByRole("button", { name: "Delete draft" })).toBeNull();
  });

  it("leaves a designer the review to read, not the buttons", () => {
    card({ role: "designer" });
    expect((screen.getByRole("button", { name: "Publish" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
