import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { keys } from "../../api/keys.ts";
import { createQueryClient } from "../../api/query-client.ts";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import { ToastProvider } from "../../ui/toast.tsx";
import { type Draft, draftKeys } from "../api.ts";
import { DeleteDraft } from "./DeleteDraft.tsx";

const draft = { id: 7, name: "banner", author: { id: "dana", username: "dana" } } as Draft;
const other = { ...draft, id: 8 } as Draft;
type Role = "viewer" | "designer" | "operator";

/** The button for a person (`me`, `role`), with a fake BFF answering the DELETE with `answer`. */
function renderDelete(
  { me = "dana", role = "designer" as Role, locale = "en" as "en" | "zh-CN" } = {},
  answer: () => Response = () => new Response(null, { status: 204 }),
) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), "http://x"), init);
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return request.method === "DELETE" ? answer() : Response.json({ drafts: [other] });
    }),
  );
  const client = createQueryClient();
  client.setQueryData(keys.session(), {
    signedIn: true,
    user: { id: me, username: me, role, buckets: null },
  } as never);
  client.setQueryData(draftKeys.list("demo", null), [draft, other]);
  const onDeleted = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <ToastProvider>
          <DeleteDraft bucket="demo" draft={draft} afterward="saved" onDeleted={onDeleted} />
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  const reasonOf = (button: HTMLElement) =>
    document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent;
  return { calls, client, onDeleted, reasonOf };
}

beforeAll(() => {
  // jsdom's <dialog> has `open` but no close(): the console's Dialog calls it when a dialog closes.
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DeleteDraft", () => {
  it("asks first: Cancel sends nothing; confirmed, it deletes, says so and drops the draft from the lists", async () => {
    const { calls, client, onDeleted } = renderDelete();
    fireEvent.click(screen.getByRole("button", { name: "Delete draft" }));
    const dialog = screen.getByRole("dialog", { name: "Delete draft 7 of banner?" });
    expect(dialog.textContent).toContain("Nothing changes in the bucket");
    expect(dialog.textContent).toContain("shows the saved style again");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Delete draft" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete draft 7" }));
    expect(await screen.findByText("Draft 7 of banner deleted.")).toBeTruthy();
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(calls[0]).toBe("DELETE /api/buckets/demo/drafts/7");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(client.getQueryData<Draft[]>(draftKeys.list("demo", null))?.map((d) => d.id)).toEqual([8]);
  });

  it("lets an operator delete someone else's draft", () => {
    renderDelete({ me: "olga", role: "operator" });
    expect((screen.getByRole("button", { name: "Delete draft" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    [
      "another designer",
      { me: "omar", role: "designer" as Role },
      "Only the draft's author, or an operator or higher, may delete it.",
    ],
    [
      "a viewer",
      { me: "vera", role: "viewer" as Role },
      "Your role (Viewer) cannot do this; it needs Operator or higher.",
    ],
  ])("is disabled for %s, with the reason beside it", (_who, person, reason) => {
    const { calls, reasonOf } = renderDelete(person);
    const button = screen.getByRole("button", { name: "Delete draft" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(reasonOf(button)).toBe(reason);
    fireEvent.click(button);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("says why not in Chinese too", () => {
    const { reasonOf } = renderDelete({ me: "omar", role: "designer", locale: "zh-CN" });
    const button = screen.getByRole("button", { name: "删除草稿" });
    expect(reasonOf(button)).toBe("只有草稿作者或运维及以上角色可以删除此草稿。");
  });

  it("shows the server's refusal in the dialog, in the console's language, and keeps the draft", async () => {
    const refusal = () =>
      Response.json(
        {
          error: {
            code: "DraftPublished",
            message: "Draft 7 is published: it is a version of the style now.",
          },
        },
        { status: 409 },
      );
    const { client, onDeleted } = renderDelete({ locale: "zh-CN" }, refusal);
    fireEvent.click(screen.getByRole("button", { name: "删除草稿" }));
    fireEvent.click(screen.getByRole("button", { name: "删除草稿 7" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("此草稿已发布。");
    expect(alert.textContent).toContain("DraftPublished");
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(onDeleted).not.toHaveBeenCalled();
    expect(client.getQueryData<Draft[]>(draftKeys.list("demo", null))?.map((d) => d.id)).toContain(7);
  });
});
