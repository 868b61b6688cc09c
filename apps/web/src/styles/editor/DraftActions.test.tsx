import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Verdict } from "../../session/can.ts";
import { DraftActions, type DraftPending } from "./DraftActions.tsx";

function actions(
  { verdict = { allowed: true }, pending = null, offerReview = true } = {} as {
    verdict?: Verdict;
    pending?: DraftPending;
    offerReview?: boolean;
  },
  locale: "en" | "zh-CN" = "en",
) {
  const onSave = vi.fn();
  const onRequestReview = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <DraftActions
        verdict={verdict}
        pending={pending}
        offerReview={offerReview}
        onSave={onSave}
        onRequestReview={onRequestReview}
      />
    </I18nProvider>,
  );
  return { onSave, onRequestReview, buttons: screen.getAllByRole("button") as HTMLButtonElement[] };
}

afterEach(cleanup);

describe("DraftActions", () => {
  it("saves a draft, or saves it and requests review", () => {
    const { onSave, onRequestReview, buttons } = actions();
    expect(buttons.map((b) => b.textContent)).toEqual(["Save as draft", "Request review"]);
    fireEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    expect(onSave).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Request review" }));
    expect(onRequestReview).toHaveBeenCalledTimes(1);
    expect(buttons.every((b) => b.type === "button")).toBe(true);
  });

  it("offers only Save as draft when the main button already requests review", () => {
    expect(actions({ offerReview: false }).buttons.map((b) => b.textContent)).toEqual(["Save as draft"]);
  });

  it("says which request runs, and blocks both meanwhile", () => {
    const { buttons } = actions({ pending: "review" });
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ["Save as draft", true],
      ["Sending for review…", true],
    ]);
  });

  it("is disabled with the reason for a viewer, in Chinese too", () => {
    const { buttons } = actions({ verdict: { allowed: false, need: "designer", role: "viewer" } }, "zh-CN");
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ["存为草稿", true],
      ["请求审核", true],
    ]);
    const reason = document.getElementById(buttons[0]?.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toBeTruthy();
  });
});
