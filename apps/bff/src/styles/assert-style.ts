import { styleNameIssues } from "@style-console/contract/names";
import { HttpError } from "../http/error.ts";
import { checkStyleContent } from "./content-check.ts";

/**
 * Throws a 400 `InvalidStyleName` with the positioned problems when OSS would refuse the name, so such a
 * name never reaches OSS. `details: { errors: [{ code, message, offset, length }] }`.
 * @example
 * assertStyleName("a/b"); // throws HttpError 400 InvalidStyleName
 */
export function assertStyleName(name: string): void {
  const errors = styleNameIssues(name);
  if (errors.length === 0) return;
  const first = errors[0]?.message ?? "";
  throw new HttpError("InvalidStyleName", `The style name is not valid: ${first}`, {
    details: { errors },
  });
}

/**
 * Throws a 400 `InvalidStyleContent` with the parser's positioned errors when the content is not a valid
 * `image/…` chain. `details: { errors: [{ code, message, offset, length }] }`.
 * @example
 * assertStyleContent("image/resize,w_abc"); // throws HttpError 400 InvalidStyleContent
 */
export function assertStyleContent(content: string): void {
  const { ok, errors } = checkStyleContent(content);
  if (ok) return;
  const first = errors[0];
  const where = first ? ` at character ${first.offset + 1}: ${first.message}` : "";
  throw new HttpError("InvalidStyleContent", `The style content is not valid${where}`, {
    details: { errors },
  });
}
