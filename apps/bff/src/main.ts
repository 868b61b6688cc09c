import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { MemoryBudget } from "@style-console/imgproc/budget";
import { createOssClient } from "@style-console/oss";
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import { importLegacyAudit } from "./audit/import-jsonl.ts";
import type { ManagedBucket } from "./buckets/bucket-styles.ts";
import { managedBuckets } from "./buckets/managed-buckets.ts";
import { failureText } from "./buckets/upstream-error.ts";
import { type ApiDepsOptions, createApiDeps } from "./compose.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { ossRateLimit } from "./db/oss-rate.ts";
import { Readiness } from "./db/readiness.ts";
import { startDatabase, startingApp } from "./db/start.ts";
import { startEmbedded } from "./embedded/start.ts";
import { ConfigError, type Env, parseEnv } from "./env.ts";
import { discoverCloudBuckets } from "./fleet/discover-cloud.ts";
import { replicaId } from "./fleet/replica-id.ts";
import { lockDataDir } from "./platform/data-lock.ts";
import { jsonLogger, redactingLogger } from "./platform/logger.ts";
import { stopWithLauncher } from "./platform/process-life.ts";
import { version } from "./platform/version.ts";
import { parseUploadsLocation } from "./preview/sources/object-uploads.ts";
import { randomToken } from "./session/token.ts";
import { RequestAccounting } from "./usage/request-accounting.ts";

// This file runs from apps/bff/dist (built) or apps/bff/src (dev): both are two levels below the repo.
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..", "..");
const defaultWebDist = join(repoRoot, "apps", "web", "dist");
const samplesDir = join(here, "..", "samples");
// The emulator bucket the console keeps its uploads in on the embedded default (never listed as managed).
const EMBEDDED_UPLOADS_BUCKET = "console-uploads";

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
  // The usage counts still in memory are written before the database closes.
  let stopUsage = async () => {};
  // Quietly on SIGTERM/SIGINT, and with the launcher when it dies without a signal reaching us.
  stopWithLauncher(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections would hold close() open; nothing is mid-request we must finish.
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    await stopUsage().catch(() => {});
    await Promise.allSettled([closeUpstream(), database?.close()]);
  });

  database = await startDatabase({
    url: env.DATABASE_URL,
    dataDir: join(data, "db"),
    readiness,
    log: (line) => console.log(line),
  });
  // One budget for the image work of this process: the previews and upload checks, and on the
  // embedded default the emulator's x-oss-process renders too (PREVIEW_MEMORY_MB; decision 030).
  const imageMemory = new MemoryBudget(env.preview.memoryBytes);
  // Every OSS request is counted by month, API, bucket and person (usage/request-accounting.ts).
  const accounting = new RequestAccounting(database.db);
  let buckets: ManagedBucket[];
  let secrets: string[];
  let uploads: ApiDepsOptions["uploads"];
  const location =
    env.UPLOADS_LOCATION === undefined ? undefined : parseUploadsLocation(env.UPLOADS_LOCATION);
  if (env.oss.mode === "cloud") {
    const { credentials, region, endpoint, styleLimit } = env.oss;
    const found = await discoverCloudBuckets({ region, endpoint, credentials, patterns: env.oss.buckets });
    // The account's QPS is shared by every replica: the limit is held in the database.
    const limit = ossRateLimit(database, { requestsPerSecond: env.oss.qps });
    const client = {
      rateLimit: false as const,
      hooks: {
        beforeRequest: (_: unknown, signal?: AbortSignal) => limit.acquire(signal),
        afterResponse: accounting.hooks.afterResponse,
      },
    };
    buckets = managedBuckets({ region, endpoint, credentials, buckets: found, styleLimit, client });
    if (location) {
      const uploadsClient = createOssClient({ region, endpoint, credentials, ...client });
      uploads = { client: uploadsClient, location, quotaBytes: env.uploadsQuotaBytes };
      readiness.set(
        "uploads",
        true,
        `objects under oss://${location.bucket}/${location.prefix}, shared by every replica`,
      );
    } else {
      readiness.set(
        "uploads",
        true,
        env.DATABASE_URL === undefined
          ? "files in DATA_DIR/uploads"
          : "files in this replica's DATA_DIR/uploads: other replicas cannot preview them; set UPLOADS_LOCATION=oss://bucket/prefix to share them",
      );
    }
    secrets = [credentials.accessKeySecret, credentials.securityToken ?? ""];
  } else {
    const own = location ?? { bucket: EMBEDDED_UPLOADS_BUCKET, prefix: "uploads/" };
    const embedded = await startEmbedded({
      dataDir: data,
      port: env.oss.emulatorPort,
      styleLimit: env.oss.styleLimit,
      samplesDir,
      ownBuckets: [own.bucket],
      accessLogSeconds: env.oss.accessLogSeconds,
      processMemory: imageMemory,
      client: { hooks: accounting.hooks },
    });
    uploads = { client: embedded.client, location: own, quotaBytes: env.uploadsQuotaBytes };
    readiness.set("uploads", true, `objects in the embedded emulator's bucket ${own.bucket}`);
    buckets = embedded.buckets;
    secrets = [embedded.secret];
    closeUpstream = embedded.close;
    console.log(
      `Embedded OSS emulator at ${embedded.endpoint} (data in ${data})${embedded.seeded ? ", demo buckets seeded" : ""}`,
    );
  }
  const logger = redactingLogger(jsonLogger(), [adminToken, ...secrets, env.oidc?.clientSecret ?? ""]);
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
    uploads,
    preview: { samplesDir, uploadsDir: join(data, "uploads"), ...env.preview, memory: imageMemory },
    fleet: { replicaId: replicaId(data) },
    trustedProxies: env.trustedProxies,
    throttle: env.throttle,
    oidc: env.oidc,
    inviteTtlMs: env.inviteTtlMs,
    usage: { accounting, scanSeconds: env.usage.scanSeconds, prices: env.usage.prices },
  });
  api.usage.start();
  stopUsage = api.usage.stop;
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
    readiness.set("reconciliation", true, `deferred (OSS unreachable: ${failureText(error)})`);
    logger.error("reconciliation deferred", { message: (error as Error).message });
  }
  const app = createApp({ api, webDist: env.WEB_DIST ?? defaultWebDist });
  handler = app.fetch;
  console.log(`Style Console ${version} is ready at ${url}`);
  // Copies and syncs interrupted by a crash or a restart continue where they stopped.
  void api.fleet.resume();
  if (env.CONSOLE_ADMIN_TOKEN === undefined) {
    // The fragment never reaches a server (or its logs); the SPA reads it and posts it to /api/session.
    // On a line of its own, so a terminal makes it one link and a copy takes nothing else.
    console.log("Sign in with one click (token generated for this run):");
    console.log(`${url}#token=${adminToken}`);
  }
}

await main();
