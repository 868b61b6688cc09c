import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { translate } from "../i18n/translate.ts";
import { ROLE_ORDER } from "../session/can.ts";
import { RoleSelect } from "./RoleSelect.tsx";

afterEach(cleanup);

const options = () =>
  Array.from((screen.getByLabelText("Role") as HTMLSelectElement).querySelectorAll("option"));

describe("RoleSelect", () => {
  it("offers every role, lowest first, named in the console's language, and reports the one picked", () => {
    const onChange = vi.fn();
    render(
      <I18nProvider locale="zh-CN">
        <RoleSelect aria-label="Role" value="viewer" onChange={onChange} />
      </I18nProvider>,
    );
    expect(options().map((o) => o.value)).toEqual([...ROLE_ORDER]);
    expect(options().map((o) => o.textContent)).toEqual(
      ROLE_ORDER.map((r) => translate("zh-CN", `role.${r}`)),
    );
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "admin" } });
    expect(onChange).toHaveBeenCalledWith("admin");
  });

  it("offers only the roles it is given, and passes the select's own props on", () => {
    render(
      <I18nProvider locale="en">
        <RoleSelect
          aria-label="Role"
          value="viewer"
          onChange={() => {}}
          roles={["viewer", "designer"]}
          disabled
        />
      </I18nProvider>,
    );
    expect(options().map((o) => o.value)).toEqual(["viewer", "designer"]);
    expect((screen.getByLabelText("Role") as HTMLSelectElement).disabled).toBe(true);
  });
});
