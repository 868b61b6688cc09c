import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { keys } from "../api/keys.ts";
import { signIn } from "../api/session.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { signedInHint } from "./fragment.ts";

/** The sign-in screen; with a token from the one-click link it signs in by itself. */
export function SignIn({ linkToken }: { linkToken: string | null }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [token, setToken] = useState("");
  const hintId = useId();
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      signedInHint.set(true);
      client.setQueryData(keys.session(), session);
    },
  });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const usedLink = useRef(false);
  useEffect(() => {
    // A ref, not state: StrictMode runs effects twice and the link must be posted once.
    if (linkToken && !usedLink.current) {
      usedLink.current = true;
      mutation.mutate(linkToken);
    }
  }, [linkToken, mutation.mutate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) mutation.mutate(token.trim());
  };

  return (
    <section className="sign-in card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.lead")}</p>
      {mutation.isPending && linkToken && !token ? <p role="status">{t("signIn.fromLink")}</p> : null}
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor="admin-token">{t("signIn.token")}</label>
          <input
            id="admin-token"
            type="password"
            autoComplete="current-password"
            ref={input}
            required
            value={token}
            aria-describedby={hintId}
            onChange={(e) => setToken(e.target.value)}
          />
          <p id={hintId} className="field-hint">
            {t("signIn.tokenHint")}
          </p>
        </div>
        {mutation.isError ? <ErrorPanel error={mutation.error} /> : null}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
    </section>
  );
}
