import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../../api/query-client.ts";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Locale } from "../../i18n/translate.ts";
import type { DraftEvent } from "./api.ts";
import { DraftActivity } from "./DraftActivity.tsx";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const actor = (name: string | null) => ({ id: name, name, via: "session" as const });
const events: DraftEvent[] = [
  {
    id: 4,
    time: minutesAgo(1),
    draftId: 7,
    action: "draft.send-back",
    actor: actor("olga"),
    status: "rejected",
    comment: "too small",
  },
  {
    id: 3,
    time: minutesAgo(5),
    draftId: 7,
    action: "draft.request-review",
    actor: actor("dana"),
    status: "in_review",
    comment: null,
  },
  {
    id: 2,
    time: minutesAgo(9),
    draftId: 7,
    action: "draft.update",
    actor: actor(null),
    status: "draft",
    comment: null,
  },
  {
    id: 1,
    time: minutesAgo(60),
    draftId: 7,
    action: "draft.create",
    actor: actor("dana"),
    status: "draft",
    comment: null,
  },
];

function activity(locale: Locale, answer: () => Response = () => Response.json({ events })) {
  const urls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://x"), init);
      const url = new URL(request.url);
      urls.push(`${request.method} ${url.pathname}${url.search}`);
      return answer();
    }),
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider locale={locale}>
        <DraftActivity bucket="demo" draftId={7} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  const open = () => {
    const details = screen.getByTestId("draft-activity") as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event("toggle"));
  };
  return { urls, open };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DraftActivity", () => {
  it("fetches nothing until opened, then lists who did what, newest first, with the send-back's reason", async () => {
    const { urls, open } = activity("en");
    expect(screen.getByText("Activity")).toBeTruthy();
    expect(urls).toEqual([]);
    open();
    await screen.findByText("olga sent it back");
    expect(urls).toEqual(["GET /api/buckets/demo/drafts/7/events?limit=50"]);
    const entries = screen.getAllByTestId("draft-activity-entry");
    expect(entries.map((e) => e.querySelector("span")?.textContent)).toEqual([
      "olga sent it back",
      "dana requested review",
      "someone edited the draft",
      "dana created the draft",
    ]);
    expect(entries[0]?.querySelector("blockquote")?.textContent).toBe("too small");
    expect(entries.slice(1).every((e) => e.querySelector("blockquote") === null)).toBe(true);
    expect(entries[0]?.querySelector("time")?.getAttribute("dateTime")).toBe(events[0]?.time);
    expect(entries[0]?.querySelector("time")?.textContent).toMatch(/minute/);
  });

  it("speaks zh-CN", async () => {
    const { open } = activity("zh-CN");
    expect(screen.getByText("动态")).toBeTruthy();
    open();
    await screen.findByText("olga 退回了草稿");
    expect(screen.getByText("dana 请求审核")).toBeTruthy();
    expect(screen.getByText("某人 修改了草稿")).toBeTruthy();
  });

  it("says when nothing is recorded, and shows an action it does not know by its code", async () => {
    const { open } = activity("en", () =>
      Response.json({ events: [{ ...events[3], id: 9, action: "draft.archive" }] }),
    );
    open();
    await screen.findByText("dana: draft.archive");
    cleanup();
    activity("en", () => Response.json({ events: [] })).open();
    await screen.findByText("No activity recorded for this draft.");
  });

  it("shows a refusal as an error", async () => {
    const { open } = activity("en", () =>
      Response.json(
        { error: { code: "NoSuchDraft", message: 'Bucket "demo" has no draft 7.' } },
        { status: 404 },
      ),
    );
    open();
    await screen.findByText(/has no draft 7/);
  });
});
