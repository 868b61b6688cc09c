import type { Role } from "@style-console/contract/people";
import type { SelectHTMLAttributes } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ROLE_ORDER } from "../session/can.ts";

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children">;

/**
 * A `<select>` of roles named in the console's language (`role.<name>`), lowest first: the invite
 * form, each person's row and the API-token form, written once so their options cannot drift apart.
 * `roles` narrows the choice (a token may not outrank its owner); other props go to the `<select>`.
 */
export function RoleSelect({
  value,
  onChange,
  roles = ROLE_ORDER,
  ...select
}: SelectProps & { value: Role; onChange: (role: Role) => void; roles?: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}
