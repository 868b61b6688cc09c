import { useId } from "react";
import type { ApiError } from "../api/error.ts";
import { ErrorPanel } from "./ErrorPanel.tsx";

/**
 * One secret input with its label and, optionally, a hint the input is described by: the password
 * fields of sign-in, the invite page and the profile (and the admin token), written once so their
 * markup, autocomplete and accessibility cannot drift apart.
 */
export function PasswordField({
  id,
  label,
  autoComplete,
  value,
  onChange,
  hint,
  required = false,
  disabled = false,
}: {
  id: string;
  label: string;
  /** `current-password`, `new-password` (so password managers offer to save it) or `off`. */
  autoComplete: "current-password" | "new-password" | "off";
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        required={required}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * What went wrong with a form's submission: a known reason in the person's language (a refused
 * password's problem, a wrong password) as an alert, else the error as the API said it, else nothing.
 */
export function FormFailure({ message, error }: { message: string | null; error: ApiError | null }) {
  if (message)
    return (
      <p role="alert" className="notice notice-error">
        {message}
      </p>
    );
  return error ? <ErrorPanel error={error} /> : null;
}
