import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { MessageKey } from "../../i18n/en.ts";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import { type Params, translate } from "../../i18n/translate.ts";
import { ContentField, ContentMessages } from "./ContentField.tsx";
import { type ContentCheck, checkContent } from "./validation.ts";

const t = (key: MessageKey, params?: Params) => translate("en", key, params);

function messages(check: ContentCheck, show = true) {
  const issues = check.ok ? [] : check.issues;
  render(
    <I18nProvider locale="en">
      <ContentMessages id="m" check={check} issues={issues} show={show} />
    </I18nProvider>,
  );
  return document.getElementById("m") as HTMLElement;
}

afterEach(cleanup);

describe("ContentMessages", () => {
  it("counts the operations of a valid content", () => {
    expect(messages(checkContent("image/resize,w_200/quality,q_90", t)).textContent).toBe(
      "Valid: 2 operations.",
    );
    cleanup();
    expect(messages(checkContent("image/resize,w_200", t)).textContent).toBe("Valid: 1 operation.");
  });

  it("lists each error with its 1-based position, without Markdown backticks", () => {
    const check = checkContent("image/resize,w_abc", t);
    expect(check.ok).toBe(false);
    const box = messages(check);
    const items = [...box.querySelectorAll("li.field-error")].map((li) => li.textContent ?? "");
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatch(/^Position \d+: /);
    expect(items.join("")).not.toContain("`");
  });

  it("shows only the hint until something is typed or a save was attempted", () => {
    const box = messages(checkContent("image/resize,w_abc", t), false);
    expect(box.querySelector(".field-error")).toBeNull();
    expect(box.textContent).toBe("For example image/resize,w_200/quality,q_90");
  });
});

describe("ContentField", () => {
  it("labels the content and describes it by its messages", () => {
    render(
      <I18nProvider locale="en">
        <ContentField
          id="content"
          content="image/resize,w_200"
          check={checkContent("image/resize,w_200", t)}
          issues={[]}
          show
          autoFocus={false}
          onChange={() => {}}
        />
      </I18nProvider>,
    );
    expect(screen.getByText("Content").tagName).toBe("LABEL");
    expect(screen.getByText("Valid: 1 operation.")).toBeTruthy();
  });
});
