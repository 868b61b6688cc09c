import type { Role } from "@style-console/contract/people";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  accountEventsQuery,
  changeUser,
  createUser,
  invalidatePeople,
  resetLink,
  type User,
  usersQuery,
} from "../api/people.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Permitted } from "../session/Permitted.tsx";
import { useCan, useSession } from "../session/useSession.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { RoleSelect } from "../ui/RoleSelect.tsx";
import { useToast } from "../ui/toast.tsx";
import { OneTimeSecret } from "./OneTimeSecret.tsx";

/** People (admins): every account, invite someone, change a role, disable, send a reset link. */
export function PeoplePage() {
  const { t } = useI18n();
  const verdict = useCan("people.manage");
  const users = useQuery({ ...usersQuery, enabled: verdict.allowed });
  if (!verdict.allowed)
    return (
      <section>
        <h1>{t("people.title")}</h1>
        <Permitted verdict={verdict}>{() => null}</Permitted>
      </section>
    );
  return (
    <section className="stack">
      <h1>{t("people.title")}</h1>
      <p className="muted">{t("people.lead")}</p>
      <InviteForm />
      {users.isError ? <ErrorPanel error={users.error} onRetry={() => users.refetch()} /> : null}
      {users.data ? <UserTable users={users.data} /> : null}
      <AccountEvents />
    </section>
  );
}

function InviteForm() {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [buckets, setBuckets] = useState("");
  const mutation = useMutation({
    mutationFn: () => {
      const list = buckets
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean);
      return createUser({ username, role, ...(list.length > 0 ? { buckets: list } : {}) });
    },
    onSuccess: () => {
      setUsername("");
      void invalidatePeople(client);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const invite = mutation.data?.invite;
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-form-title">
      <h2 id="invite-form-title" className="card-title">
        {t("people.invite.title")}
      </h2>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="invite-username">{t("people.username")}</label>
          <input
            id="invite-username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t("people.role")}</label>
          <RoleSelect id="invite-role" value={role} onChange={setRole} />
        </div>
        <div className="field">
          <label htmlFor="invite-buckets">{t("people.invite.buckets")}</label>
          <input id="invite-buckets" value={buckets} onChange={(e) => setBuckets(e.target.value)} />
        </div>
      </div>
      {mutation.isError ? <ErrorPanel error={mutation.error} /> : null}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t("people.invite.submit")}
      </button>
      {invite && mutation.data ? (
        <OneTimeSecret
          label={t("people.invite.link", {
            username: mutation.data.user.username,
            expires: new Date(invite.expiresAt).toLocaleString(locale),
          })}
          secret={invite.url}
        />
      ) : null}
    </form>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { t } = useI18n();
  return (
    <table className="table">
      <caption>{t("people.table")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("people.username")}</th>
          <th scope="col">{t("people.displayName")}</th>
          <th scope="col">{t("people.role")}</th>
          <th scope="col">{t("people.buckets")}</th>
          <th scope="col">{t("people.signIn")}</th>
          <th scope="col">{t("people.status")}</th>
          <th scope="col">{t("people.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} />
        ))}
      </tbody>
    </table>
  );
}

function UserRow({ user }: { user: User }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const me = useSession();
  const self = me?.user.id === user.id;
  const change = useMutation({
    mutationFn: (body: Parameters<typeof changeUser>[1]) => changeUser(user.id, body),
    onSuccess: (saved) => {
      toast("success", t("people.changed", { username: saved.username }));
      void invalidatePeople(client);
    },
  });
  const reset = useMutation({ mutationFn: () => resetLink(user.id) });
  const locked = user.builtin ? t("people.cannotBuiltin") : self ? t("people.cannotSelf") : null;
  const status = user.disabled
    ? t("people.status.disabled")
    : user.invited
      ? t("people.status.invited")
      : t("people.status.active");
  const ways = [user.password ? t("people.via.password") : null, user.sso ? t("people.via.sso") : null]
    .filter(Boolean)
    .join(", ");
  return (
    <tr>
      <th scope="row">{user.username}</th>
      <td>{user.displayName}</td>
      <td>
        <RoleSelect
          aria-label={t("people.changeRole", { username: user.username })}
          value={user.role}
          disabled={locked !== null || change.isPending}
          title={locked ?? undefined}
          onChange={(role) => change.mutate({ role })}
        />
      </td>
      <td>{user.buckets === null ? t("people.allBuckets") : user.buckets.join(", ")}</td>
      <td>{user.builtin ? t("people.builtin") : ways || "—"}</td>
      <td>{status}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            disabled={locked !== null || change.isPending}
            title={locked ?? undefined}
            onClick={() => change.mutate({ disabled: !user.disabled })}
          >
            {user.disabled ? t("people.enable") : t("people.disable")}
          </button>
          {!user.builtin ? (
            <button type="button" className="button button-small" onClick={() => reset.mutate()}>
              {t("people.reset")}
            </button>
          ) : null}
        </div>
        {change.isError ? <ErrorPanel error={change.error} /> : null}
        {reset.isError ? <ErrorPanel error={reset.error} /> : null}
        {reset.data ? (
          <OneTimeSecret
            label={t("people.reset.link", {
              username: user.username,
              expires: new Date(reset.data.expiresAt).toLocaleString(locale),
            })}
            secret={reset.data.url}
          />
        ) : null}
      </td>
    </tr>
  );
}

function AccountEvents() {
  const { t, locale } = useI18n();
  const events = useQuery(accountEventsQuery);
  if (!events.data || events.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="account-events-title">
      <h2 id="account-events-title" className="card-title">
        {t("people.events")}
      </h2>
      <ul className="plain-list">
        {events.data.slice(0, 20).map((e) => (
          <li key={e.id}>
            <time dateTime={e.time}>{new Date(e.time).toLocaleString(locale)}</time>{" "}
            {t("people.event", {
              actor: e.actor.name ?? "—",
              via: e.actor.via ? t(`via.${e.actor.via}` as "via.session") : "—",
              action: e.action,
              target: e.target.name,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
