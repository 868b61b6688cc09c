import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useSession } from "./useSession.ts";

/** The signed-in person and their role, in the header; opens the profile. */
export function RoleBadge() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  const role = t(`role.${user.role}`);
  const chip = user.buckets === null ? role : t("role.limited", { role, count: user.buckets.length });
  return (
    <Link
      to="/profile"
      className="role-badge"
      title={t("nav.profile")}
      // The name starts with what is shown (WCAG 2.5.3), then says what the chip means.
      aria-label={`${user.displayName} ${chip}, ${t("role.badge", { role })}`}
    >
      <span className="role-badge-name">{user.displayName}</span>{" "}
      <span className={`role-chip role-${user.role}`}>{chip}</span>
    </Link>
  );
}

/** The People screen's link, for admins only (others could only be refused there). */
export function PeopleLink() {
  const { t } = useI18n();
  const session = useSession();
  if (session?.user.role !== "admin") return null;
  return (
    <Link to="/people" className="button button-quiet">
      {t("nav.people")}
    </Link>
  );
}
