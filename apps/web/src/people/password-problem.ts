import type { ApiError } from "../api/error.ts";
import type { MessageKey } from "../i18n/en.ts";

const problems = new Set(["tooShort", "tooLong", "common", "containsUsername", "repetitive"]);

/** The message key of a refused password (the BFF's `WeakPassword` with `details.problem`), or null. */
export function passwordProblemKey(error: ApiError | null): MessageKey | null {
  if (error?.code !== "WeakPassword") return null;
  const problem = (error.details as { problem?: string } | undefined)?.problem;
  return problem && problems.has(problem) ? (`password.${problem}` as MessageKey) : null;
}
