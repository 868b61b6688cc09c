import { Hono } from "hono";
import { validateBody } from "../contract/schemas.ts";
import { checkStyleContent } from "../contract/style-content.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";

/**
 * `POST /api/validate {content}` → `{ ok, operations, errors, warnings }`: the same check the style
 * routes run before saving. Always 200: an invalid style is an answer here, not a failed request.
 */
export const validateRoutes = new Hono<ApiEnv>().post("/", validate("json", validateBody), (c) =>
  c.json(checkStyleContent(c.req.valid("json").content), 200),
);
