import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../../api/query-client.ts";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Locale } from "../../i18n/translate.ts";
import type { ReviewSwitch } from "./api.ts";
import { ReviewHistory } from "./ReviewHistory.tsx";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const actor = (name: string | null) => ({ id: name, name, via: "session" as const });
const on = (id: number, name: string | null, time: string): ReviewSwitch => ({
  id,
  time,
  action: "review.enable",
  actor: actor(name),
  requireReview: { before: false, after: true },
});
const off = (id: number, name: string | null, time: string): ReviewSwitch => ({
  ...on(id, name, time),
  action: "review.disable",
  requireReview: { before: true, after: false },
});
const events = [on(3, "Olga", hoursAgo(3)), off(2, null, hoursAgo(30)), on(1, "Dana", hoursAgo(50))];

function history(locale: Locale, answer: () => Response = () => Response.json({ events })) {
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
        <ReviewHistory bucket="demo" />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { urls };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ReviewHistory", () => {
  it("shows the last switch with who and how long ago, the exact time on hover, and the earlier ones", async () => {
    const { urls } = history("en");
    const last = await screen.findByTestId("review-history-last");
    expect(urls).toEqual(["GET /api/buckets/demo/settings/events?limit=20"]);
    expect(last.textContent).toBe("Turned on by Olga, 3 hours ago");
    const time = last.querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe(events[0]?.time);
    expect(time?.getAttribute("title")).toMatch(/\d{4}/);
    expect(screen.getByText("Earlier changes (2)")).toBeTruthy();
    expect(screen.getAllByTestId("review-history-entry").map((e) => e.textContent)).toEqual([
      "Turned off by someone, yesterday",
      "Turned on by Dana, 2 days ago",
    ]);
  });

  it("speaks zh-CN", async () => {
    history("zh-CN");
    const last = await screen.findByTestId("review-history-last");
    expect(last.textContent).toBe("由 Olga 开启，3小时前");
    expect(screen.getByText("更早的更改（2）")).toBeTruthy();
    expect(screen.getAllByTestId("review-history-entry")[0]?.textContent).toMatch(/^由 某人 关闭，/);
  });

  it("shows nothing before the first switch, and no earlier list after only one", async () => {
    history("en", () => Response.json({ events: [] }));
    await vi.waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.queryByTestId("review-history")).toBeNull();
    cleanup();
    history("en", () => Response.json({ events: [events[0]] }));
    await screen.findByText(/Turned on by Olga/);
    expect(screen.queryByText(/Earlier changes/)).toBeNull();
  });
});
