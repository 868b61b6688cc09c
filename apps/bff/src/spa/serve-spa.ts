import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/**
 * Serves the built SPA from `distDir`: files as they are (hashed assets cached for a year), and
 * `index.html` for every other GET outside `/api`, so client-side routes survive a reload.
 * @example
 * mountSpa(app, "/srv/web/dist");
 */
export function mountSpa(app: Hono, distDir: string): void {
  const indexHtml = join(distDir, "index.html");
  if (!existsSync(indexHtml)) {
    app.get("*", (c) =>
      c.text(
        `The console's web app is not built (no ${indexHtml}). Run \`pnpm build\` or use \`pnpm start\`.`,
        503,
      ),
    );
    return;
  }
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("*", serveStatic({ root: distDir }));
  app.get("*", serveStatic({ path: indexHtml }));
}
