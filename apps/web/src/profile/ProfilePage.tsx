import type { Role } from "@style-console/contract/people";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type ApiToken,
  changePassword,
  createToken,
  endSession,
  peopleKeys,
  revokeToken,
  sessionsQuery,
  tokensQuery,
} from "../api/people.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { OneTimeSecret } from "../people/OneTimeSecret.tsx";
import { passwordProblemKey } from "../people/password-problem.ts";
import { rolesUpTo } from "../session/can.ts";
import { useSession } from "../session/useSession.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { FormFailure, PasswordField } from "../ui/PasswordField.tsx";
import { RoleSelect } from "../ui/RoleSelect.tsx";
import { useToast } from "../ui/toast.tsx";

/** Profile: who you are, your password, your sessions and your personal API tokens. */
export function ProfilePage() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return null;
  const { user, via } = session;
  return (
    <section className="stack">
      <h1>{t("profile.title")}</h1>
      <p>
        {t("profile.account", {
          name: user.displayName,
          username: user.username,
          role: t(`role.${user.role}`),
          via: t(`via.${via}`),
        })}
      </p>
      <PasswordForm usable={via === "session" || via === "oidc"} />
      <Sessions />
      <Tokens role={user.role} />
    </section>
  );
}

function PasswordForm({ usable }: { usable: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const client = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const mutation = useMutation({
    mutationFn: () => changePassword({ ...(current ? { currentPassword: current } : {}), newPassword: next }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      toast("success", t("profile.password.done"));
      void client.invalidateQueries({ queryKey: peopleKeys.sessions("me") });
    },
  });
  const problem = passwordProblemKey(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        {t("profile.password")}
      </h2>
      {usable ? null : <p className="muted">{t("profile.password.notHere")}</p>}
      <PasswordField
        id="current-password"
        label={t("profile.password.current")}
        autoComplete="current-password"
        disabled={!usable}
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        id="new-password"
        label={t("profile.password.new")}
        autoComplete="new-password"
        required
        disabled={!usable}
        hint={t("profile.password.hint")}
        value={next}
        onChange={setNext}
      />
      <FormFailure message={problem ? t(problem) : null} error={mutation.error} />
      <button type="submit" className="button" disabled={!usable || mutation.isPending}>
        {t("profile.password.submit")}
      </button>
    </form>
  );
}

function Sessions() {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const sessions = useQuery(sessionsQuery("me"));
  const end = useMutation({
    mutationFn: endSession,
    onSuccess: () => {
      toast("success", t("profile.session.ended"));
      void client.invalidateQueries({ queryKey: peopleKeys.sessions("me") });
    },
  });
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <section className="card stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="card-title">
        {t("profile.sessions")}
      </h2>
      {sessions.isError ? <ErrorPanel error={sessions.error} onRetry={() => sessions.refetch()} /> : null}
      {sessions.data?.length === 0 ? <p className="muted">{t("profile.none")}</p> : null}
      <ul className="plain-list">
        {sessions.data?.map((s) => (
          <li key={s.id}>
            <strong>{s.current ? t("profile.session.current") : (s.userAgent ?? "—")}</strong>{" "}
            <span className="muted">
              {t(`via.${s.via}` as "via.session")} · {s.address ?? "—"} ·{" "}
              {t("profile.session.started", { time: when(s.createdAt) })} ·{" "}
              {t("profile.session.expires", { time: when(s.expiresAt) })}
            </span>{" "}
            {s.current ? null : (
              <button type="button" className="button button-small" onClick={() => end.mutate(s.id)}>
                {t("profile.session.end")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {end.isError ? <ErrorPanel error={end.error} /> : null}
    </section>
  );
}

function Tokens({ role }: { role: Role }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const tokens = useQuery(tokensQuery("me"));
  const [name, setName] = useState("");
  const [tokenRole, setTokenRole] = useState<Role>(role);
  const [days, setDays] = useState("90");
  const refresh = () => client.invalidateQueries({ queryKey: peopleKeys.tokens("me") });
  const create = useMutation({
    mutationFn: () =>
      createToken({ name, role: tokenRole, ...(days.trim() ? { expiresInDays: Number(days) } : {}) }),
    onSuccess: () => {
      setName("");
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: () => {
      toast("success", t("profile.token.revoked"));
      void refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale) : t("profile.token.never");
  return (
    <section className="card stack" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        {t("profile.tokens")}
      </h2>
      <p className="muted">{t("profile.tokens.lead")}</p>
      <form className="inline-fields" onSubmit={submit}>
        <div className="field">
          <label htmlFor="token-name">{t("profile.token.name")}</label>
          <input
            id="token-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="token-role">{t("profile.token.role")}</label>
          <RoleSelect id="token-role" value={tokenRole} onChange={setTokenRole} roles={rolesUpTo(role)} />
        </div>
        <div className="field">
          <label htmlFor="token-days">{t("profile.token.expires")}</label>
          <input
            id="token-days"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t("profile.token.create")}
        </button>
      </form>
      {create.isError ? <ErrorPanel error={create.error} /> : null}
      {create.data ? <OneTimeSecret label={t("profile.token.created")} secret={create.data.token} /> : null}
      <table className="table">
        <caption>{t("profile.token.table")}</caption>
        <tbody>
          {tokens.data?.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{t(`role.${token.role}`)}</td>
              <td>…{token.hint}</td>
              <td>{when(token.expiresAt)}</td>
              <td>
                {token.lastUsedAt
                  ? t("profile.token.lastUsed", { time: when(token.lastUsedAt) })
                  : t("profile.token.unused")}
              </td>
              <td>
                <button type="button" className="button button-small" onClick={() => revoke.mutate(token)}>
                  {t("profile.token.revoke", { name: token.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.isError ? <ErrorPanel error={revoke.error} /> : null}
    </section>
  );
}
