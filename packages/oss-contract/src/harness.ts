/**
 * Where the contract suite runs: the emulator over loopback (always), or real OSS when
 * OSS_LIVE_BUCKET, OSS_LIVE_REGION and the ALIBABA_CLOUD_* credentials are set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Credentials, createOssClient, fromEnv, type OssClientOptions } from "@style-console/oss";
import { type EmulatorOptions, startEmulator } from "@style-console/oss-emulator";

export interface Target {
  readonly name: string;
  readonly region: string;
  readonly bucket: string;
  readonly endpoint: string | undefined;
  readonly credentials: Credentials;
  /** False on real OSS: the server's clock cannot be moved and faults cannot be injected. */
  readonly emulated: boolean;
  readonly close: () => Promise<void>;
}

export const EMULATOR_BUCKET = "contract-bucket";
export const EMULATOR_CREDENTIALS: Credentials = {
  accessKeyId: "TESTAKcontract",
  accessKeySecret: "contract-secret-do-not-use",
};

/** Starts an emulator over a fresh temporary directory; `close` stops it and removes the directory. */
export async function emulatorTarget(
  extra: Partial<EmulatorOptions> = {},
): Promise<Target & { dataDir: string }> {
  const dataDir = extra.dataDir ?? (await mkdtemp(join(tmpdir(), "oss-contract-")));
  const emulator = await startEmulator({
    dataDir,
    accessKeyId: EMULATOR_CREDENTIALS.accessKeyId,
    accessKeySecret: EMULATOR_CREDENTIALS.accessKeySecret,
    buckets: [EMULATOR_BUCKET],
    ...extra,
  });
  return {
    name: "emulator",
    region: "cn-hangzhou",
    bucket: EMULATOR_BUCKET,
    endpoint: emulator.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    emulated: true,
    dataDir,
    close: async () => {
      await emulator.close();
      if (!extra.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Why the live suite cannot run, or undefined when it can. */
export function liveSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = [
    "OSS_LIVE_BUCKET",
    "OSS_LIVE_REGION",
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  ].filter((n) => !env[n]);
  return missing.length > 0 ? `live OSS contract suite skipped: ${missing.join(", ")} not set` : undefined;
}

/** Real OSS; OSS_LIVE_ENDPOINT optionally overrides the public endpoint. */
export async function liveTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  return {
    name: "live",
    region: env.OSS_LIVE_REGION ?? "",
    bucket: env.OSS_LIVE_BUCKET ?? "",
    endpoint: env.OSS_LIVE_ENDPOINT || undefined,
    credentials: fromEnv(env),
    emulated: false,
    close: async () => {},
  };
}

/** A client for the target; tests override what they exercise (secret, clock, retry…). */
export function clientFor(target: Target, extra: Partial<OssClientOptions> = {}) {
  return createOssClient({
    region: target.region,
    endpoint: target.endpoint,
    bucket: target.bucket,
    credentials: target.credentials,
    timeoutMs: 10_000,
    ...extra,
  });
}

/** Style names unique to this run, so a live bucket's own styles are never touched. */
export function uniqueName(label: string): string {
  return `ct-${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
