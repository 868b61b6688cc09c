import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/error.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { FormFailure, PasswordField } from "./PasswordField.tsx";

afterEach(cleanup);

describe("PasswordField", () => {
  it("is a labelled password input described by its hint, and reports what is typed", () => {
    const onChange = vi.fn();
    render(
      <PasswordField
        id="new-password"
        label="New password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        value=""
        onChange={onChange}
      />,
    );
    const input = screen.getByLabelText("New password") as HTMLInputElement;
    expect(input.type).toBe("password");
    expect(input.autocomplete).toBe("new-password");
    expect(input.required).toBe(true);
    expect(input.getAttribute("aria-describedby")).toBe(screen.getByText("At least 10 characters.").id);
    fireEvent.change(input, { target: { value: "correct horse" } });
    expect(onChange).toHaveBeenCalledWith("correct horse");
  });

  it("has no description without a hint", () => {
    render(
      <PasswordField id="p" label="Password" autoComplete="current-password" value="" onChange={() => {}} />,
    );
    expect(screen.getByLabelText("Password").hasAttribute("aria-describedby")).toBe(false);
  });
});

describe("FormFailure", () => {
  it("shows a known reason as an alert before the API's error, and nothing without either", () => {
    const error = new ApiError(400, "WeakPassword", "The password is too short.", undefined, {
      problem: "tooShort",
    });
    const { rerender } = render(
      <I18nProvider>
        <FormFailure message="Use at least 10 characters." error={error} />
      </I18nProvider>,
    );
    expect(screen.getByRole("alert").textContent).toBe("Use at least 10 characters.");
    rerender(
      <I18nProvider>
        <FormFailure message={null} error={null} />
      </I18nProvider>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
