import { validateBody } from "@style-console/contract/schemas";
import { Hono } from "hono";
import type { ApiEnv } from "../http/api-env.ts";
import { validate } from "../http/zod-validator.ts";
import { checkStyleContent } from "./content-check.ts";

/**
 * `POST /api/validate {content}` → `{ ok, operations, errors, warnings }`: the same check the style
 * routes run before saving. Always 200: an invalid style is an answer here, not a failed request.
 */
export const validateRoutes = new Hono<ApiEnv>().post("/", validate("json", validateBody), (c) =>
  c.json(checkStyleContent(c.req.valid("json").content), 200),
);
