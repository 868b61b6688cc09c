import { PASSWORD_PROBLEMS } from "@style-console/contract/people";
import type { ApiError } from "../api/error.ts";
import type { MessageKey } from "../i18n/en.ts";

/** The message key of a refused password (the BFF's `WeakPassword` with `details.problem`), or null. */
export function passwordProblemKey(error: ApiError | null): MessageKey | null {
  const body = error?.body;
  if (body?.code !== "WeakPassword") return null;
  const problem = body.details?.problem;
  return problem && PASSWORD_PROBLEMS.includes(problem) ? (`password.${problem}` as MessageKey) : null;
}
