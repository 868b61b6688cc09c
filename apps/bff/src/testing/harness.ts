import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { StyleDto } from "@style-console/contract/dto";
import type { UpstreamDetails } from "@style-console/contract/errors";
import type { PositionedIssue } from "@style-console/contract/names";
import { createOssClient, type OssClient } from "@style-console/oss";
import { type FaultOptions, type RunningEmulator, startEmulator } from "@style-console/oss-emulator";
import type { Hono } from "hono";
import { type ApiDeps, createApp } from "../app.ts";
import type { ThrottlePolicy } from "../auth/throttle.ts";
import { managedBuckets } from "../buckets/managed-buckets.ts";
import { createApiDeps } from "../compose.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { ossRateLimit } from "../db/oss-rate.ts";
import { Readiness } from "../db/readiness.ts";
import type { FleetOptions } from "../fleet/index.ts";
import { replicaId } from "../fleet/replica-id.ts";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf.ts";
import type { PreviewConfig } from "../preview/index.ts";
import { RequestAccounting } from "../usage/request-accounting.ts";
import { type PeopleHelpers, peopleHelpers } from "./people-helpers.ts";
import { createTestDatabase, type TestDatabase } from "./postgres.ts";

/**
 * A real stack for route tests: an emulator on loopback over a temporary data directory, and the BFF app
 * wired as `main.ts` wires it, called in-process with `app.request`. Every response and every log line is
 * recorded so tests can prove no secret ever leaves.
 */
export interface HarnessOptions {
  /** Reuse a data directory (restart tests). */
  dataDir?: string;
  /** Buckets the emulator has (default photos, avatars). */
  emulatorBuckets?: string[];
  /** Buckets the BFF is configured with (default: the emulator's). */
  buckets?: string[];
  /** Sign with this secret instead of the emulator's (a wrong one gets 403 from the emulator). */
  bffSecret?: string;
  faults?: FaultOptions;
  styleLimit?: number;
  now?: () => number;
  signInLimit?: { maxFailures: number; windowMs: number };
  /** The fleet's lease and sweep timings and writes in flight (fleet/index.ts). */
  fleet?: Partial<FleetOptions>;
  /**
   * `OSS_QPS`: the console's OSS requests go through the rate shared in the database, as in cloud mode
   * (main.ts). Unset: the OSS client's own default limit.
   */
  ossQps?: number;
  /** PostgreSQL pool size (default 4; the per-style locks have their own pool of 16). */
  poolSize?: number;
  /** Sign-in throttling (default: the console's defaults). */
  throttle?: ThrottlePolicy;
  /** `TRUST_PROXY`: proxies whose X-Forwarded-For is trusted (default 0). */
  trustedProxies?: number;
  /** Preview queue and cache tuning (tests make the queue small and hold renders with a gate). */
  preview?: PreviewConfig;
  /**
   * The database: `postgres` (default: a fresh copy of the run's migrated template on the test server,
   * dropped at close), `pglite` (embedded, under `<dataDir>/db`, kept: restarts find it), or a
   * `postgres://` URL of an existing database (kept).
   */
  database?: "postgres" | "pglite" | string;
}

/** The built-in sample images (apps/bff/samples). */
export const SAMPLES_DIR = fileURLToPath(new URL("../../samples", import.meta.url));

export const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
export const ORIGIN = "http://localhost";

export interface Harness extends PeopleHelpers {
  /** Moves the BFF's clock forward (sessions, tokens, links and throttling all read it). */
  advance(ms: number): void;
  app: Hono;
  api: ApiDeps;
  emulator: RunningEmulator;
  /** A client of the emulator, to seed objects and styles behind the console's back. */
  oss: OssClient;
  dataDir: string;
  secret: string;
  database: DatabaseHandle;
  /** The PostgreSQL URL in use (to boot another stack on the same database); undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Every line the BFF logged. */
  logs: string[];
  /** Every line the emulator logged: one per request that reached "OSS". */
  ossRequests: string[];
  /** Status, headers and body of every response the tests received. */
  seen: string[];
  request(path: string, init?: RequestInit & { address?: string }): Promise<Response>;
  /** Headers of a signed-in browser (cookie, same origin, the CSRF header, JSON). */
  browser(): Promise<Record<string, string>>;
  bearer: Record<string, string>;
  /** Stops the emulator and closes the database; drops a database it made unless `keepDatabase`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

// Databases a harness made, by URL: a restarted stack (`boot` with the URL) drops it when it closes.
const dropLater = new Map<string, TestDatabase>();

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "sc-bff-"));
  // Fixed per data directory would be nicer for restarts; tests that restart pass the same secret back.
  const secret = `sk-${randomBytes(12).toString("hex")}`;
  return boot(dataDir, secret, options);
}

/** Starts a stack on an existing data directory with a given secret (the restart case). */
export async function boot(dataDir: string, secret: string, options: HarnessOptions = {}): Promise<Harness> {
  const ossRequests: string[] = [];
  const accessKeyId = "TESTAKtestkey0001";
  const emulatorBuckets = options.emulatorBuckets ?? ["photos", "avatars"];
  const emulator = await startEmulator({
    dataDir: join(dataDir, "oss"),
    accessKeyId,
    accessKeySecret: secret,
    buckets: emulatorBuckets,
    styleLimit: options.styleLimit ?? 50,
    log: (line) => ossRequests.push(line),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  // One JSON object per event, as the real logger writes them (without time and level).
  const logs: string[] = [];
  // `name@region` buckets live in their region; the console signs each for it (issue 12).
  const regionOf = new Map(emulator.buckets.map((b) => [b.name, b.region]));
  const names = options.buckets ?? emulatorBuckets.map((b) => b.split("@")[0] ?? b);
  const choice = options.database ?? "postgres";
  let owned: TestDatabase | undefined;
  let databaseUrl: string | undefined;
  if (choice === "postgres") {
    owned = await createTestDatabase();
    databaseUrl = owned.url;
    dropLater.set(owned.url, owned);
  } else if (choice !== "pglite") {
    databaseUrl = choice;
  }
  const database = await openDatabase({
    url: databaseUrl,
    dataDir: join(dataDir, "db"),
    poolSize: options.poolSize ?? 4,
  });
  await migrateToLatest(database.db);
  // The console's OSS requests are counted as in production (usage/request-accounting.ts).
  const accounting = new RequestAccounting(database.db);
  const buckets = managedBuckets({
    region: "cn-hangzhou",
    endpoint: emulator.endpoint,
    credentials: { accessKeyId, accessKeySecret: options.bffSecret ?? secret },
    buckets: names.map((name) => ({ name, region: regionOf.get(name) ?? "cn-hangzhou" })),
    styleLimit: options.styleLimit ?? 50,
    client:
      options.ossQps === undefined
        ? { retry: false, timeoutMs: 5000, hooks: accounting.hooks }
        : {
            retry: false,
            timeoutMs: 5000,
            rateLimit: false,
            hooks: {
              ...accounting.hooks,
              beforeRequest: (() => {
                const limit = ossRateLimit(database, { requestsPerSecond: options.ossQps });
                return (_: unknown, signal?: AbortSignal) => limit.acquire(signal);
              })(),
            },
          },
  });
  let offset = 0;
  const base = options.now ?? Date.now;
  const now = () => base() + offset;
  const api = createApiDeps({
    usage: { accounting },
    adminToken: ADMIN_TOKEN,
    sessionTtlMs: 3_600_000,
    buckets,
    database,
    readiness: new Readiness(),
    fleet: { replicaId: replicaId(dataDir), sweepMs: 0, ...options.fleet },
    // Raw lines, no redactor: the code itself must not log secrets.
    logger: {
      info: (msg, fields) => logs.push(JSON.stringify({ msg, ...fields })),
      error: (msg, fields) => logs.push(JSON.stringify({ msg, ...fields })),
    },
    preview: { samplesDir: SAMPLES_DIR, uploadsDir: join(dataDir, "uploads"), ...options.preview },
    now,
    ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.trustedProxies === undefined ? {} : { trustedProxies: options.trustedProxies }),
  });
  await api.people.ensureBootstrap();
  const app = createApp({ api });
  const seen: string[] = [];

  async function request(path: string, init: RequestInit & { address?: string } = {}): Promise<Response> {
    const { address = "127.0.0.1", ...rest } = init;
    // @hono/node-server's bindings: getConnInfo reads the socket's address from here.
    const env = { incoming: { socket: { remoteAddress: address } } };
    const url = path.startsWith("http") ? path : `${ORIGIN}${path}`;
    const response = await app.request(url, rest, env);
    const body = await response.clone().text();
    seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${body}`);
    return response;
  }

  async function browser(): Promise<Record<string, string>> {
    const res = await request("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const cookie = res.headers.get("Set-Cookie")?.split(";")[0];
    if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
    return {
      Cookie: cookie,
      Origin: ORIGIN,
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      "Content-Type": "application/json",
    };
  }

  return {
    app,
    api,
    emulator,
    oss: createOssClient({
      region: "cn-hangzhou",
      endpoint: emulator.endpoint,
      credentials: { accessKeyId, accessKeySecret: secret },
      bucketRegion: (bucket) => regionOf.get(bucket),
      retry: false,
    }),
    dataDir,
    secret,
    database,
    databaseUrl,
    logs,
    ossRequests,
    seen,
    request,
    browser,
    bearer: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    close: async ({ keepDatabase = false } = {}) => {
      api.fleet.stop();
      await api.fleet.idle();
      await emulator.close();
      await database.close();
      if (!keepDatabase) await (owned ?? dropLater.get(databaseUrl ?? ""))?.drop();
    },
    advance: (ms: number) => {
      offset += ms;
    },
    ...peopleHelpers(api, ORIGIN, request),
  };
}

/** `{ name, content }` as a JSON body with the given headers. */
export const json = (method: string, headers: Record<string, string>, body: unknown): RequestInit => ({
  method,
  headers,
  body: JSON.stringify(body),
});

/** The error body with the details the routes put in it, for tests to read. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId?: string;
    details?: {
      current?: StyleDto;
      errors?: PositionedIssue[];
      issues?: Array<{ path: string; message: string }>;
      upstream?: UpstreamDetails;
    };
  };
}

/** A response's JSON, typed by the test that knows what the route answers. */
export const jsonOf = async <T>(res: Response): Promise<T> => (await res.json()) as T;
export const styleOf = (res: Response) => jsonOf<StyleDto>(res);
export const errorOf = (res: Response) => jsonOf<ErrorBody>(res);
