import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { HttpError } from "./error.ts";

const isJson = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? "");

/**
 * `zValidator` with the API's error shape: a failure throws a 400 `InvalidRequest` whose details list
 * each problem as `{ path, message }` (or 415 when a JSON body was not sent as JSON). Routes stay chained,
 * so `AppType` knows every validated input.
 * @example
 * new Hono().post("/", validate("json", signInBody), (c) => c.json(c.req.valid("json"), 200));
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    if (target === "json" && !isJson(c.req.header("Content-Type"))) {
      throw new HttpError(
        "UnsupportedMediaType",
        "Send the request body as JSON (Content-Type: application/json).",
      );
    }
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    throw new HttpError("InvalidRequest", `The request is not valid: ${summary}`, {
      details: { issues },
    });
  });
}
