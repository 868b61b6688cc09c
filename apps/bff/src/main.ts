import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ConfigError, parseEnv } from "./env.ts";
import { version } from "./version.ts";

// The built SPA sits at apps/web/dist; this file runs from apps/bff/dist (built) or apps/bff/src (dev).
const defaultWebDist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");

function main(): void {
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = createApp({ webDist: env.WEB_DIST ?? defaultWebDist });
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
    console.log(`Style Console ${version} is ready at http://${host}:${info.port}/`);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} on ${env.HOST} is in use: set PORT to another port.`
        : `The server failed: ${error.message}`,
    );
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
