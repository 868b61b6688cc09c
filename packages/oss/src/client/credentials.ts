import type { Credentials } from "../signer/index.ts";
import { OssError } from "./errors.ts";

/** Fixed credentials, or a function returning (possibly refreshed, possibly STS) credentials per request. */
export type CredentialsProvider = Credentials | (() => Credentials | Promise<Credentials>);

/** The variables {@link fromEnv} reads. */
export type CredentialsEnv = Readonly<Record<string, string | undefined>>;

function credentialsError(message: string, cause?: unknown): OssError {
  return new OssError({
    kind: "credentials",
    code: "InvalidCredentials",
    message,
    operation: "credentials",
    cause,
  });
}

/**
 * Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the optional
 * `ALIBABA_CLOUD_SECURITY_TOKEN`. The only place the library reads `process.env`, and only by default.
 * Missing variables are named; their values never appear in the error.
 *
 * @example
 * createOssClient({ region: "cn-hangzhou", bucket: "b", credentials: fromEnv() });
 * fromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret" });
 */
export function fromEnv(env: CredentialsEnv = process.env): Credentials {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim();
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim();
  const missing = [
    accessKeyId ? undefined : "ALIBABA_CLOUD_ACCESS_KEY_ID",
    accessKeySecret ? undefined : "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  ].filter(Boolean);
  if (!accessKeyId || !accessKeySecret)
    throw credentialsError(`missing environment variable(s): ${missing.join(", ")}`);
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim() || undefined;
  return { accessKeyId, accessKeySecret, securityToken };
}

/** STS credentials with their expiry, as an STS AssumeRole call returns them. */
export interface ExpiringCredentials extends Credentials {
  readonly expiration: Date;
}

/**
 * A provider that calls `load` (e.g. STS AssumeRole) when there are no credentials yet or they expire
 * within `marginMs` (default 5 min). Concurrent callers share one refresh.
 *
 * @example
 * const credentials = refreshingCredentials(() => assumeRole(roleArn));
 * createOssClient({ region: "cn-hangzhou", bucket: "b", credentials });
 */
export function refreshingCredentials(
  load: () => Promise<ExpiringCredentials>,
  options: { readonly marginMs?: number; readonly now?: () => number } = {},
): () => Promise<Credentials> {
  const margin = options.marginMs ?? 300_000;
  const now = options.now ?? Date.now;
  let current: ExpiringCredentials | undefined;
  let pending: Promise<ExpiringCredentials> | undefined;
  return async () => {
    if (current && current.expiration.getTime() - margin > now()) return current;
    pending ??= load().finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current;
  };
}

/**
 * Resolves a provider into credentials, turning a throwing or incomplete provider into a typed error.
 *
 * @example
 * const creds = await resolveCredentials(fromEnv);
 */
export async function resolveCredentials(provider: CredentialsProvider): Promise<Credentials> {
  let creds: Credentials;
  try {
    creds = typeof provider === "function" ? await provider() : provider;
  } catch (error) {
    if (error instanceof OssError) throw error;
    // The provider's own message may quote what it loaded; keep only its type.
    throw credentialsError(
      `the credentials provider failed (${error instanceof Error ? error.name : typeof error})`,
    );
  }
  if (!creds?.accessKeyId || !creds.accessKeySecret) {
    throw credentialsError("the credentials provider returned no accessKeyId or accessKeySecret");
  }
  return creds;
}
