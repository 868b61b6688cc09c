import { type ReactNode, useId } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Verdict } from "./can.ts";

/** The reason a verdict refuses, in the person's language; null when it allows. */
export function useReason(verdict: Verdict): string | null {
  const { t } = useI18n();
  if (verdict.allowed) return null;
  if (verdict.bucket !== undefined) return t("can.needBucket", { bucket: verdict.bucket });
  return t("can.needRole", { role: t(`role.${verdict.role}`), need: t(`role.${verdict.need}`) });
}

/**
 * Wraps a control that the person's role may not use: when `verdict` refuses, `children` gets
 * `disabled` and `aria-describedby` through the render function, and the reason shows beside it, so
 * nobody is left clicking a button that can only fail.
 * @example
 * <Permitted verdict={useCan("style.write", bucket)}>{(p) => <button {...p}>Save</button>}</Permitted>
 */
export function Permitted({
  verdict,
  reason: specific,
  children,
}: {
  verdict: Verdict;
  /** A more precise reason than the role's, shown instead of it when `verdict` refuses. */
  reason?: string | undefined;
  children: (props: { disabled?: boolean; "aria-describedby"?: string; title?: string }) => ReactNode;
}) {
  const id = useId();
  const byRole = useReason(verdict);
  const reason = byRole === null ? null : (specific ?? byRole);
  if (reason === null) return <>{children({})}</>;
  return (
    <span className="permitted">
      {children({ disabled: true, "aria-describedby": id, title: reason })}
      <span id={id} className="permission-reason">
        {reason}
      </span>
    </span>
  );
}
