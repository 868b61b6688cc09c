import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import { NameField } from "./NameField.tsx";

function field(props: Partial<Parameters<typeof NameField>[0]> = {}, locale: "en" | "zh-CN" = "en") {
  const onChange = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <NameField value="" readOnly={false} problem={null} show={false} onChange={onChange} {...props} />
    </I18nProvider>,
  );
  return { input: screen.getByRole("textbox"), onChange };
}

afterEach(cleanup);

describe("NameField", () => {
  it("is labelled, described by the naming hint, and reports what is typed", () => {
    const { input, onChange } = field();
    expect(screen.getByLabelText("Name")).toBe(input);
    expect(input.getAttribute("aria-invalid")).toBe("false");
    const hint = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toMatch(/1–63 letters/);
    fireEvent.change(input, { target: { value: "thumb" } });
    expect(onChange).toHaveBeenCalledWith("thumb");
  });

  it("shows the problem in place of the hint only once it is to be shown", () => {
    const { input } = field({ problem: "Enter a name.", show: false });
    expect(screen.queryByText("Enter a name.")).toBeNull();
    cleanup();
    const shown = field({ problem: "Enter a name.", show: true }).input;
    expect(shown.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(shown.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("Enter a name.");
    expect(message?.className).toBe("field-error");
    expect(input).not.toBe(shown);
  });

  it("is read-only when editing (OSS cannot rename a style), in Chinese too", () => {
    const { input } = field({ value: "banner", readOnly: true }, "zh-CN");
    expect((input as HTMLInputElement).readOnly).toBe(true);
    expect((input as HTMLInputElement).value).toBe("banner");
    expect(screen.getByLabelText("名称")).toBe(input);
  });
});
