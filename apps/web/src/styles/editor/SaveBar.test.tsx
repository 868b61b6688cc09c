import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Verdict } from "../../session/can.ts";
import { SaveBar } from "./SaveBar.tsx";

const allowed: Verdict = { allowed: true };
const designer: Verdict = { allowed: false, need: "operator", role: "designer" };

function bar(props: Partial<Parameters<typeof SaveBar>[0]> = {}) {
  const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
  render(
    <I18nProvider locale="en">
      <form id="the-form" onSubmit={onSubmit} />
      <SaveBar
        formId="the-form"
        label="Save"
        busy={false}
        verdict={allowed}
        cancel={<a href="/back">Cancel</a>}
        {...props}
      />
    </I18nProvider>,
  );
  const save = screen.getByRole("button", { name: props.label ?? "Save" }) as HTMLButtonElement;
  return { onSubmit, save };
}

afterEach(cleanup);

describe("SaveBar", () => {
  it("submits the form it names from outside it, beside the way out and the shortcut hint", () => {
    const { onSubmit, save } = bar();
    expect(save.getAttribute("form")).toBe("the-form");
    expect(save.type).toBe("submit");
    fireEvent.click(save);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("link", { name: "Cancel" })).toBeTruthy();
    expect(screen.getByText("Ctrl+S or ⌘S saves")).toBeTruthy();
  });

  it("is disabled while saving, and says why when the role may not save", () => {
    expect(bar({ busy: true, label: "Saving…" }).save.disabled).toBe(true);
    cleanup();
    const { save } = bar({ verdict: designer });
    expect(save.disabled).toBe(true);
    expect(document.getElementById(save.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /Your role \(Designer\) cannot do this/,
    );
  });

  it("holds the draft actions and a notice above the buttons", () => {
    bar({ notice: "Review required", drafts: <button type="button">Save as draft</button> });
    const root = screen.getByTestId("save-bar");
    expect(root.querySelector(".save-bar-notice")?.textContent).toBe("Review required");
    const names = [...root.querySelectorAll("button, a")].map((e) => e.textContent);
    expect(names).toEqual(["Save", "Save as draft", "Cancel"]);
  });
});
