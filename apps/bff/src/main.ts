import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import { importLegacyAudit } from "./audit/import-jsonl.ts";
import type { ManagedBucket } from "./buckets/bucket-styles.ts";
import { managedBuckets } from "./buckets/managed-buckets.ts";
import { createApiDeps } from "./compose.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { sharedRateLimit } from "./db/oss-rate.ts";
import { Readiness } from "./db/readiness.ts";
import { startDatabase, startingApp } from "./db/start.ts";
import { startEmbedded } from "./embedded/start.ts";
import { ConfigError, type Env, parseEnv } from "./env.ts";
import { lockDataDir } from "./platform/data-lock.ts";
import { consoleLogger, redactingLogger } from "./platform/logger.ts";
import { version } from "./platform/version.ts";
import { randomToken } from "./session/token.ts";

// This file runs from apps/bff/dist (built) or apps/bff/src (dev): both are two levels below the repo.
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..", "..");
const defaultWebDist = join(repoRoot, "apps", "web", "dist");
const samplesDir = join(here, "..", "samples");

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

// A relative DATA_DIR means relative to where the user ran pnpm (INIT_CWD), not to apps/bff.
function dataDir(env: Env): string {
  if (env.DATA_DIR === undefined) return join(repoRoot, ".data");
  return resolve(process.env.INIT_CWD ?? process.cwd(), env.DATA_DIR);
}

async function main(): Promise<void> {
  const env = readEnv();
  const data = dataDir(env);
  let release: () => void;
  try {
    release = lockDataDir(data);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  process.once("exit", () => release());
  const adminToken = env.CONSOLE_ADMIN_TOKEN ?? randomToken();
  // Listen first, so load balancers see /api/health (alive) and /api/ready (503, naming what is not
  // ready) while the database opens and migrates; the full app takes over once everything is ready.
  const readiness = new Readiness();
  let handler: Hono["fetch"] = startingApp(readiness).fetch;
  let url = "";
  const server = serve(
    { fetch: (request, env) => handler(request, env), hostname: env.HOST, port: env.PORT },
    (info) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      url = `http://${host}:${info.port}/`;
    },
  );
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} on ${env.HOST} is in use: set PORT to another port.`
        : `The server failed: ${error.message}`,
    );
    process.exit(1);
  });
  let database: DatabaseHandle | undefined;
  let closeUpstream = async () => {};
  const stop = () =>
    server.close(
      () => void Promise.allSettled([closeUpstream(), database?.close()]).finally(() => process.exit(0)),
    );
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  database = await startDatabase({
    url: env.DATABASE_URL,
    dataDir: join(data, "db"),
    readiness,
    log: (line) => console.log(line),
  });
  let buckets: ManagedBucket[];
  let secrets: string[];
  if (env.oss.mode === "cloud") {
    const { credentials, region, endpoint, styleLimit } = env.oss;
    // The account's QPS is shared by every replica: the limit is held in the database.
    const limit = sharedRateLimit(database.db, { requestsPerSecond: env.oss.qps });
    const client = {
      rateLimit: false as const,
      hooks: { beforeRequest: (_: unknown, signal?: AbortSignal) => limit.acquire(signal) },
    };
    buckets = managedBuckets({ region, endpoint, credentials, buckets: env.oss.buckets, styleLimit, client });
    secrets = [credentials.accessKeySecret, credentials.securityToken ?? ""];
    console.log(`Managing ${buckets.length} OSS bucket(s) in ${region}: ${env.oss.buckets.join(", ")}`);
  } else {
    const embedded = await startEmbedded({
      dataDir: data,
      port: env.oss.emulatorPort,
      styleLimit: env.oss.styleLimit,
      samplesDir,
    });
    buckets = embedded.buckets;
    secrets = [embedded.secret];
    closeUpstream = embedded.close;
    console.log(
      `Embedded OSS emulator at ${embedded.endpoint} (data in ${data})${embedded.seeded ? ", demo buckets seeded" : ""}`,
    );
  }
  const logger = redactingLogger(consoleLogger, [adminToken, ...secrets, env.oidc?.clientSecret ?? ""]);
  const legacy = await importLegacyAudit(database.db, join(data, "audit", "audit.jsonl"));
  readiness.set(
    "audit-import",
    true,
    legacy.retiredTo === null
      ? "nothing to import"
      : `imported ${legacy.imported} of ${legacy.found} entries`,
  );
  if (legacy.retiredTo !== null) {
    console.log(
      `Audit log: imported ${legacy.imported} entries from audit.jsonl (kept as ${legacy.retiredTo})`,
    );
  }
  const api = createApiDeps({
    adminToken,
    sessionTtlMs: env.sessionTtlMs,
    buckets,
    database,
    readiness,
    logger,
    preview: { samplesDir, uploadsDir: join(data, "uploads"), ...env.preview },
    trustedProxies: env.trustedProxies,
    throttle: env.throttle,
    oidc: env.oidc,
    inviteTtlMs: env.inviteTtlMs,
  });
  // The built-in admin the bootstrap token acts as (idempotent, on every replica).
  await api.people.ensureBootstrap();
  if (env.oidc) console.log(`Single sign-on through ${env.oidc.issuer}`);
  readiness.set("reconciliation", false, "settling writes interrupted by a crash");
  try {
    const counts = await api.writer.reconcile(buckets);
    readiness.set(
      "reconciliation",
      true,
      `reconciled ${counts.reconciled}, failed ${counts.failed}, other buckets ${counts.skipped}`,
    );
  } catch (error) {
    // OSS unreachable: each style's pending rows are still settled before its next write.
    readiness.set("reconciliation", true, `deferred (OSS unreachable: ${(error as Error).message})`);
    logger.error(`Reconciliation deferred: ${(error as Error).message}`);
  }
  const app = createApp({ api, webDist: env.WEB_DIST ?? defaultWebDist });
  handler = app.fetch;
  console.log(`Style Console ${version} is ready at ${url}`);
  if (env.CONSOLE_ADMIN_TOKEN === undefined) {
    // The fragment never reaches a server (or its logs); the SPA reads it and posts it to /api/session.
    console.log(`Sign in with one click (token generated for this run): ${url}#token=${adminToken}`);
  }
}

await main();
