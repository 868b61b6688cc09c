import { isBucketName, parseRegion, REGION_EXPECTED } from "@style-console/contract/names";
import { z } from "zod";
import type { OidcConfig } from "./auth/oidc.ts";
import { parseRoleMap } from "./auth/oidc-role.ts";
import { DEFAULT_THROTTLE, type ThrottlePolicy } from "./auth/throttle.ts";
import { ROLES, type Role } from "./users/roles.ts";

/**
 * The BFF's configuration, parsed once at start-up from the environment. Nothing else reads `process.env`.
 * Every bad variable is reported by name, all at once. Cloud mode when the access key pair is set (then
 * OSS_REGION and OSS_BUCKETS are required); the embedded default otherwise.
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

// A glob over bucket names (fleet/discovery.ts): `*` any run, `?` one character.
const bucketGlob = /^[a-z0-9*?-]{1,63}$/;

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be ${min}–${max}`)
    .max(max, `${name} must be ${min}–${max}`)
    .default(fallback);

// People (issue 10): single sign-on, throttling, the proxy in front, link lifetimes.
const peopleEnv = {
  TRUST_PROXY: z.preprocess(
    (value) => (value === "true" ? "1" : value === "false" || value === "" ? "0" : value),
    whole("TRUST_PROXY", 0, 10, 0),
  ),
  OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: "OIDC_ISSUER must be an http(s) URL" })),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  OIDC_REDIRECT_URI: optional(
    z.url({ protocol: /^https?$/, error: "OIDC_REDIRECT_URI must be an http(s) URL" }),
  ),
  OIDC_SCOPES: z.string().min(1).default("openid profile email"),
  OIDC_ROLE_CLAIM: z.string().min(1).default("roles"),
  OIDC_ROLE_MAP: optional(z.string()),
  OIDC_DEFAULT_ROLE: optional(
    z.enum(ROLES, { error: "OIDC_DEFAULT_ROLE must be viewer, designer, operator or admin" }),
  ),
  OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  SIGNIN_FREE_FAILURES: whole("SIGNIN_FREE_FAILURES", 1, 100, DEFAULT_THROTTLE.freeFailures),
  SIGNIN_DELAY_SECONDS: whole("SIGNIN_DELAY_SECONDS", 1, 3600, DEFAULT_THROTTLE.baseDelayMs / 1000),
  SIGNIN_MAX_DELAY_SECONDS: whole("SIGNIN_MAX_DELAY_SECONDS", 1, 86_400, DEFAULT_THROTTLE.maxDelayMs / 1000),
  INVITE_TTL_HOURS: whole("INVITE_TTL_HOURS", 1, 24 * 90, 7 * 24),
};

const envSchema = z
  .object({
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce
      .number({ error: "PORT must be a port number" })
      .int("PORT must be a whole number")
      .min(0, "PORT must be 0–65535")
      .max(65535, "PORT must be 0–65535")
      .default(8787),
    WEB_DIST: optional(z.string()),
    DATA_DIR: optional(z.string()),
    CONSOLE_ADMIN_TOKEN: optional(z.string().min(16, "CONSOLE_ADMIN_TOKEN must have at least 16 characters")),
    SESSION_TTL_HOURS: z.coerce
      .number({ error: "SESSION_TTL_HOURS must be a number of hours" })
      .positive("SESSION_TTL_HOURS must be above 0")
      .max(24 * 30, "SESSION_TTL_HOURS must be at most 720 (30 days)")
      .default(12),
    ALIBABA_CLOUD_ACCESS_KEY_ID: optional(
      z
        .string()
        .regex(/^[\x21-\x7e]+$/, "ALIBABA_CLOUD_ACCESS_KEY_ID must be printable ASCII without spaces"),
    ),
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: optional(z.string()),
    ALIBABA_CLOUD_SECURITY_TOKEN: optional(z.string()),
    OSS_REGION: optional(
      z.string().transform((value, ctx) => {
        const id = parseRegion(value);
        if (id === undefined)
          ctx.addIssue({ code: "custom", message: `OSS_REGION must be ${REGION_EXPECTED}` });
        return id ?? value;
      }),
    ),
    OSS_BUCKETS: z.preprocess(
      (value) =>
        typeof value === "string" && value.trim() !== ""
          ? value
              .split(",")
              .map((name) => name.trim())
              .filter(Boolean)
          : undefined,
      z
        .array(
          z
            .string()
            .refine(
              (name) => isBucketName(name) || (/[*?]/.test(name) && bucketGlob.test(name)),
              "OSS_BUCKETS must list bucket names (3–63 of a–z 0–9 -) or globs (shop-*, *), comma-separated",
            ),
        )
        .optional(),
    ),
    OSS_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: "OSS_ENDPOINT must be an http(s) URL" })),
    OSS_STYLE_LIMIT: z.coerce
      .number({ error: "OSS_STYLE_LIMIT must be a number" })
      .int("OSS_STYLE_LIMIT must be a whole number")
      .min(1, "OSS_STYLE_LIMIT must be at least 1")
      .default(50),
    PREVIEW_CONCURRENCY: optional(
      z.coerce
        .number({ error: "PREVIEW_CONCURRENCY must be a number" })
        .int("PREVIEW_CONCURRENCY must be a whole number")
        .min(1, "PREVIEW_CONCURRENCY must be 1–64")
        .max(64, "PREVIEW_CONCURRENCY must be 1–64"),
    ),
    PREVIEW_QUEUE_LIMIT: optional(
      z.coerce
        .number({ error: "PREVIEW_QUEUE_LIMIT must be a number" })
        .int("PREVIEW_QUEUE_LIMIT must be a whole number")
        .min(0, "PREVIEW_QUEUE_LIMIT must be 0–1000")
        .max(1000, "PREVIEW_QUEUE_LIMIT must be 0–1000"),
    ),
    PREVIEW_CACHE_MB: z.coerce
      .number({ error: "PREVIEW_CACHE_MB must be a number of megabytes" })
      .min(0, "PREVIEW_CACHE_MB must be 0 or more")
      .max(4096, "PREVIEW_CACHE_MB must be at most 4096")
      .default(64),
    PREVIEW_MEMORY_MB: z.coerce
      .number({ error: "PREVIEW_MEMORY_MB must be a number of megabytes" })
      .min(16, "PREVIEW_MEMORY_MB must be 16–65536")
      .max(65536, "PREVIEW_MEMORY_MB must be 16–65536")
      .default(256),
    PREVIEW_QUEUE_WAIT_SECONDS: z.coerce
      .number({ error: "PREVIEW_QUEUE_WAIT_SECONDS must be a number of seconds" })
      .min(0.1, "PREVIEW_QUEUE_WAIT_SECONDS must be 0.1–600")
      .max(600, "PREVIEW_QUEUE_WAIT_SECONDS must be 0.1–600")
      .default(15),
    UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce
      .number({ error: "UPLOAD_IDLE_TIMEOUT_SECONDS must be a number of seconds" })
      .min(0.1, "UPLOAD_IDLE_TIMEOUT_SECONDS must be 0.1–600")
      .max(600, "UPLOAD_IDLE_TIMEOUT_SECONDS must be 0.1–600")
      .default(10),
    UPLOAD_TIMEOUT_SECONDS: z.coerce
      .number({ error: "UPLOAD_TIMEOUT_SECONDS must be a number of seconds" })
      .min(1, "UPLOAD_TIMEOUT_SECONDS must be 1–3600")
      .max(3600, "UPLOAD_TIMEOUT_SECONDS must be 1–3600")
      .default(60),
    OSS_QPS: z.coerce
      .number({ error: "OSS_QPS must be a number of requests per second" })
      .int("OSS_QPS must be a whole number")
      .min(1, "OSS_QPS must be 1–100000")
      .max(100_000, "OSS_QPS must be 1–100000")
      .default(100),
    UPLOADS_LOCATION: optional(
      z
        .string()
        .refine(
          (text) => isBucketName(/^oss:\/\/([^/]*)/.exec(text)?.[1] ?? ""),
          "UPLOADS_LOCATION must be oss://<bucket>/<prefix> (a bucket name of a–z 0–9 -)",
        ),
    ),
    UPLOADS_QUOTA_MB: z.coerce
      .number({ error: "UPLOADS_QUOTA_MB must be a number of megabytes" })
      .int("UPLOADS_QUOTA_MB must be a whole number")
      .min(1, "UPLOADS_QUOTA_MB must be at least 1")
      .default(1024),
    DATABASE_URL: optional(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/i, "DATABASE_URL must be a postgres:// (or postgresql://) URL"),
    ),
    USAGE_SCAN_SECONDS: z.coerce
      .number({ error: "USAGE_SCAN_SECONDS must be a number of seconds" })
      .int("USAGE_SCAN_SECONDS must be a whole number")
      .min(0, "USAGE_SCAN_SECONDS must be 0 (off) to 86400")
      .max(86_400, "USAGE_SCAN_SECONDS must be 0 (off) to 86400")
      .default(300),
    USAGE_STYLE_API_PRICE_CNY: z.coerce
      .number({ error: "USAGE_STYLE_API_PRICE_CNY must be a number of yuan" })
      .min(0, "USAGE_STYLE_API_PRICE_CNY must be 0 or more")
      .max(1, "USAGE_STYLE_API_PRICE_CNY must be at most 1 (yuan per request)")
      .default(0.0001),
    USAGE_STYLE_API_FREE_REQUESTS: z.coerce
      .number({ error: "USAGE_STYLE_API_FREE_REQUESTS must be a number" })
      .int("USAGE_STYLE_API_FREE_REQUESTS must be a whole number")
      .min(0, "USAGE_STYLE_API_FREE_REQUESTS must be 0 or more")
      .default(1000),
    EMULATOR_ACCESS_LOG_SECONDS: z.coerce
      .number({ error: "EMULATOR_ACCESS_LOG_SECONDS must be a number of seconds" })
      .int("EMULATOR_ACCESS_LOG_SECONDS must be a whole number")
      .min(1, "EMULATOR_ACCESS_LOG_SECONDS must be 1–86400")
      .max(86_400, "EMULATOR_ACCESS_LOG_SECONDS must be 1–86400")
      .default(60),
    EMULATOR_PORT: z.coerce
      .number({ error: "EMULATOR_PORT must be a port number" })
      .int("EMULATOR_PORT must be a whole number")
      .min(0, "EMULATOR_PORT must be 0–65535")
      .max(65535, "EMULATOR_PORT must be 0–65535")
      .default(0),
    ...peopleEnv,
  })
  .superRefine((env, ctx) => {
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (id !== undefined && secret === undefined) {
      problem(
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET is required with ALIBABA_CLOUD_ACCESS_KEY_ID",
      );
    }
    if (secret !== undefined && id === undefined) {
      problem(
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_ID is required with ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      );
    }
    if ((env.OIDC_ISSUER === undefined) !== (env.OIDC_CLIENT_ID === undefined)) {
      problem(
        env.OIDC_ISSUER === undefined ? "OIDC_ISSUER" : "OIDC_CLIENT_ID",
        "OIDC_ISSUER and OIDC_CLIENT_ID are needed together for single sign-on",
      );
    }
    if (env.OIDC_ROLE_MAP !== undefined) {
      const map = parseRoleMap(env.OIDC_ROLE_MAP);
      if (typeof map === "string") problem("OIDC_ROLE_MAP", `OIDC_ROLE_MAP: ${map}`);
    }
    const cloud = id !== undefined || secret !== undefined;
    if (cloud) {
      if (env.OSS_REGION === undefined)
        problem("OSS_REGION", "OSS_REGION is required with cloud credentials (e.g. cn-hangzhou)");
      if (env.OSS_BUCKETS === undefined)
        problem(
          "OSS_BUCKETS",
          "OSS_BUCKETS is required with cloud credentials (comma-separated bucket names)",
        );
      return;
    }
    const embeddedOnly =
      "is only used with cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET too, or unset it for the embedded default";
    for (const name of [
      "ALIBABA_CLOUD_SECURITY_TOKEN",
      "OSS_REGION",
      "OSS_BUCKETS",
      "OSS_ENDPOINT",
    ] as const) {
      if (env[name] !== undefined) problem(name, `${name} ${embeddedOnly}`);
    }
  });

type RawEnv = z.infer<typeof envSchema>;

export interface CloudOss {
  mode: "cloud";
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  region: string;
  buckets: string[];
  endpoint?: string;
  styleLimit: number;
  /** OSS requests per second for all replicas together (the account's limit; default 100). */
  qps: number;
}

export interface EmbeddedOss {
  mode: "embedded";
  emulatorPort: number;
  styleLimit: number;
  /** Seconds between the emulator's access-log deliveries (`EMULATOR_ACCESS_LOG_SECONDS`, default 60). */
  accessLogSeconds: number;
}

export interface Env {
  HOST: string;
  PORT: number;
  WEB_DIST?: string;
  /** As given; `main.ts` resolves it (default `<repo>/.data`). */
  DATA_DIR?: string;
  CONSOLE_ADMIN_TOKEN?: string;
  sessionTtlMs: number;
  oss: CloudOss | EmbeddedOss;
  /** A PostgreSQL server shared by every replica; unset: the embedded database under DATA_DIR. */
  DATABASE_URL?: string;
  /** `oss://bucket/prefix` for preview uploads; unset: a console-owned emulator bucket (embedded) or DATA_DIR (cloud). */
  UPLOADS_LOCATION?: string;
  /** Total size of all uploads, in bytes (`UPLOADS_QUOTA_MB`, default 1024 MB). */
  uploadsQuotaBytes: number;
  /** Reverse proxies in front of the console whose X-Forwarded-For is trusted (`TRUST_PROXY`). */
  trustedProxies: number;
  /** Single sign-on, when `OIDC_ISSUER` and `OIDC_CLIENT_ID` are set. */
  oidc?: OidcConfig;
  throttle: ThrottlePolicy;
  /** How long invite and password-reset links work. */
  inviteTtlMs: number;
  /** Render queue and result cache of the preview (unset fields: the defaults of preview/index.ts). */
  preview: {
    concurrency?: number;
    maxWaiting?: number;
    resultCacheBytes: number;
    memoryBytes: number;
    maxWaitMs: number;
    uploadIdleTimeoutMs: number;
    uploadTimeoutMs: number;
  };
  /** Style usage: seconds between scans of the access logs (0 = on demand only) and the style API prices. */
  usage: { scanSeconds: number; prices: { freePerMonth: number; pricePerRequestCny: number } };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function toEnv(raw: RawEnv): Env {
  const { ALIBABA_CLOUD_ACCESS_KEY_ID: id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret } = raw;
  const oss: CloudOss | EmbeddedOss =
    id !== undefined && secret !== undefined
      ? {
          mode: "cloud",
          credentials: {
            accessKeyId: id,
            accessKeySecret: secret,
            ...(raw.ALIBABA_CLOUD_SECURITY_TOKEN === undefined
              ? {}
              : { securityToken: raw.ALIBABA_CLOUD_SECURITY_TOKEN }),
          },
          region: raw.OSS_REGION ?? "",
          buckets: raw.OSS_BUCKETS ?? [],
          ...(raw.OSS_ENDPOINT === undefined ? {} : { endpoint: raw.OSS_ENDPOINT }),
          styleLimit: raw.OSS_STYLE_LIMIT,
          qps: raw.OSS_QPS,
        }
      : {
          mode: "embedded",
          emulatorPort: raw.EMULATOR_PORT,
          styleLimit: raw.OSS_STYLE_LIMIT,
          accessLogSeconds: raw.EMULATOR_ACCESS_LOG_SECONDS,
        };
  return {
    HOST: raw.HOST,
    PORT: raw.PORT,
    ...(raw.WEB_DIST === undefined ? {} : { WEB_DIST: raw.WEB_DIST }),
    ...(raw.DATA_DIR === undefined ? {} : { DATA_DIR: raw.DATA_DIR }),
    ...(raw.CONSOLE_ADMIN_TOKEN === undefined ? {} : { CONSOLE_ADMIN_TOKEN: raw.CONSOLE_ADMIN_TOKEN }),
    ...(raw.DATABASE_URL === undefined ? {} : { DATABASE_URL: raw.DATABASE_URL }),
    ...(raw.UPLOADS_LOCATION === undefined ? {} : { UPLOADS_LOCATION: raw.UPLOADS_LOCATION }),
    uploadsQuotaBytes: raw.UPLOADS_QUOTA_MB * 1024 * 1024,
    sessionTtlMs: raw.SESSION_TTL_HOURS * 3600 * 1000,
    oss,
    trustedProxies: raw.TRUST_PROXY,
    ...(raw.OIDC_ISSUER !== undefined && raw.OIDC_CLIENT_ID !== undefined
      ? {
          oidc: {
            issuer: raw.OIDC_ISSUER,
            clientId: raw.OIDC_CLIENT_ID,
            ...(raw.OIDC_CLIENT_SECRET === undefined ? {} : { clientSecret: raw.OIDC_CLIENT_SECRET }),
            ...(raw.OIDC_REDIRECT_URI === undefined ? {} : { redirectUri: raw.OIDC_REDIRECT_URI }),
            scopes: raw.OIDC_SCOPES,
            displayName: raw.OIDC_NAME,
            roles: {
              claim: raw.OIDC_ROLE_CLAIM,
              map:
                raw.OIDC_ROLE_MAP === undefined
                  ? null
                  : (parseRoleMap(raw.OIDC_ROLE_MAP) as Map<string, Role>),
              defaultRole: raw.OIDC_DEFAULT_ROLE ?? null,
            },
          },
        }
      : {}),
    throttle: {
      ...DEFAULT_THROTTLE,
      freeFailures: raw.SIGNIN_FREE_FAILURES,
      baseDelayMs: raw.SIGNIN_DELAY_SECONDS * 1000,
      maxDelayMs: raw.SIGNIN_MAX_DELAY_SECONDS * 1000,
    },
    inviteTtlMs: raw.INVITE_TTL_HOURS * 3600 * 1000,
    preview: {
      ...(raw.PREVIEW_CONCURRENCY === undefined ? {} : { concurrency: raw.PREVIEW_CONCURRENCY }),
      ...(raw.PREVIEW_QUEUE_LIMIT === undefined ? {} : { maxWaiting: raw.PREVIEW_QUEUE_LIMIT }),
      resultCacheBytes: Math.round(raw.PREVIEW_CACHE_MB * 1024 * 1024),
      memoryBytes: Math.round(raw.PREVIEW_MEMORY_MB * 1024 * 1024),
      maxWaitMs: Math.round(raw.PREVIEW_QUEUE_WAIT_SECONDS * 1000),
      uploadIdleTimeoutMs: Math.round(raw.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000),
      uploadTimeoutMs: Math.round(raw.UPLOAD_TIMEOUT_SECONDS * 1000),
    },
    usage: {
      scanSeconds: raw.USAGE_SCAN_SECONDS,
      prices: {
        freePerMonth: raw.USAGE_STYLE_API_FREE_REQUESTS,
        pricePerRequestCny: raw.USAGE_STYLE_API_PRICE_CNY,
      },
    },
  };
}

/**
 * Parses the environment into a typed config, or throws a {@link ConfigError} naming every bad variable.
 * Messages name the variable but never echo a value (a value could be a secret).
 * @example
 * const env = parseEnv({ PORT: "9000" }); // { HOST: "127.0.0.1", PORT: 9000, oss: { mode: "embedded", … }, … }
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return toEnv(result.data);
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(environment)";
      return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    }),
  );
}
