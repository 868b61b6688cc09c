import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { ApiError } from "../api/error.ts";
import { keys } from "../api/keys.ts";
import { signIn, ssoQuery } from "../api/session.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { FormFailure, PasswordField } from "../ui/PasswordField.tsx";
import { signedInHint } from "./fragment.ts";

const known = new Set([
  "InvalidCredentials",
  "InvalidToken",
  "AccountDisabled",
  "OidcNoRole",
  "OidcExpired",
  "OidcDenied",
  "OidcFailed",
  "OidcUnavailable",
  "UsernameTaken",
]);

/** A sign-in failure in the person's language (throttling with its wait), or null for the generic panel. */
function useSignInMessage(error: ApiError | null, code: string | null): string | null {
  const { t } = useI18n();
  if (error?.status === 429) {
    const seconds = (error.details as { retryAfter?: number } | undefined)?.retryAfter ?? 1;
    return t("signIn.throttled", { seconds });
  }
  const which = error?.code ?? code;
  return which && known.has(which) ? t(`signIn.error.${which}` as MessageKey) : null;
}

/**
 * The sign-in screen: username and password, single sign-on when configured, and the bootstrap admin
 * token (folded away). With a token from the one-click link it signs in by itself.
 */
export function SignIn({
  linkToken,
  onLinkUsed,
  ssoError,
}: {
  linkToken: string | null;
  onLinkUsed?: () => void;
  ssoError: string | null;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const sso = useQuery(ssoQuery);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [showToken, setShowToken] = useState(false);
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      signedInHint.set(true);
      client.setQueryData(keys.session(), session);
    },
    onSettled: () => onLinkUsed?.(),
  });
  const message = useSignInMessage(mutation.error, mutation.isIdle ? ssoError : null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const usedLink = useRef<string | null>(null);
  useEffect(() => {
    // A ref, not state: StrictMode runs effects twice and the link must be posted once.
    if (linkToken && usedLink.current !== linkToken) {
      usedLink.current = linkToken;
      mutation.mutate({ token: linkToken });
    }
  }, [linkToken, mutation.mutate]);

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() && password) mutation.mutate({ username: username.trim(), password });
  };
  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) mutation.mutate({ token: token.trim() });
  };
  const returnTo = encodeURIComponent(window.location.pathname);

  return (
    <section className="sign-in card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.leadPeople")}</p>
      {mutation.isPending && linkToken ? <p role="status">{t("signIn.fromLink")}</p> : null}
      <FormFailure message={message} error={mutation.error} />
      <form onSubmit={submitPassword} className="stack" aria-label={t("signIn.title")}>
        <div className="field">
          <label htmlFor="sign-in-username">{t("signIn.username")}</label>
          <input
            id="sign-in-username"
            autoComplete="username"
            ref={input}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <PasswordField
          id="sign-in-password"
          label={t("signIn.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      {sso.data ? (
        <p>
          <a className="button" href={`/api/auth/oidc/login?returnTo=${returnTo}`}>
            {t("signIn.sso", { name: sso.data.name })}
          </a>
        </p>
      ) : null}
      {showToken ? (
        <form onSubmit={submitToken} className="stack">
          <PasswordField
            id="admin-token"
            label={t("signIn.token")}
            autoComplete="off"
            required
            hint={t("signIn.tokenHint")}
            value={token}
            onChange={setToken}
          />
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t("signIn.tokenSubmit")}
          </button>
        </form>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setShowToken(true)}>
          {t("signIn.useToken")}
        </button>
      )}
    </section>
  );
}
