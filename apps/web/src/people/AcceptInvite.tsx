import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { keys } from "../api/keys.ts";
import { acceptInvite, describeInvite } from "../api/people.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { signedInHint } from "../session/fragment.ts";
import { FormFailure, PasswordField } from "../ui/PasswordField.tsx";
import { passwordProblemKey } from "./password-problem.ts";

/** `/#invite=<secret>`: a person sets the password of an invited account (or resets theirs) and is signed in. */
export function AcceptInvite({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const link = useQuery({ queryKey: ["invite", token], queryFn: () => describeInvite(token), retry: false });
  const mutation = useMutation({
    mutationFn: () => acceptInvite(token, password),
    onSuccess: (session) => {
      signedInHint.set(true);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session()[0] });
      client.setQueryData(keys.session(), session);
      onDone();
      void navigate({ to: "/", replace: true });
    },
  });
  if (link.isPending) return <p role="status">…</p>;
  if (link.isError)
    return (
      <section className="card">
        <h1>{t("invite.title")}</h1>
        <p role="alert" className="notice notice-error">
          {link.error.code === "LinkInvalid" ? t("invite.invalid") : link.error.message}
        </p>
      </section>
    );
  const problem = passwordProblemKey(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <section className="sign-in card" aria-labelledby="invite-title">
      <h1 id="invite-title">{link.data.kind === "reset" ? t("invite.resetTitle") : t("invite.title")}</h1>
      <p>{t("invite.lead", { name: link.data.displayName, username: link.data.username })}</p>
      <form className="stack" onSubmit={submit}>
        <input type="text" autoComplete="username" value={link.data.username} readOnly hidden />
        <PasswordField
          id="invite-password"
          label={t("profile.password.new")}
          autoComplete="new-password"
          required
          hint={t("profile.password.hint")}
          value={password}
          onChange={setPassword}
        />
        <FormFailure message={problem ? t(problem) : null} error={mutation.error} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t("invite.submit")}
        </button>
      </form>
    </section>
  );
}
