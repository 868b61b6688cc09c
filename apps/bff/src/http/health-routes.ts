import { Hono } from "hono";
import { version } from "../platform/version.ts";

/** `GET /api/health`: liveness for load balancers and the console's footer. No session needed. */
export const healthRoutes = new Hono().get("/", (c) => c.json({ status: "ok" as const, version }, 200));
