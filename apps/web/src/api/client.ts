import type { AppType } from "@style-console/bff";
import { hc } from "hono/client";

/** The BFF's typed client: routes, bodies and responses come from the server's own types. */
export const api = hc<AppType>("/api");
