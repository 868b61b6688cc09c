import { isAbsolute, resolve } from "node:path";
import type { EmulatorCredential } from "../auth/index.ts";
import { type FaultKind, type FaultOptions, faultKinds } from "../faults/plan.ts";
import type { EmulatorOptions } from "../server/options.ts";

/** The command line, parsed into `EmulatorOptions`; every bad flag is a `UsageError` naming it. */

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const usage = `Usage: oss-emulator --data <dir> --access-key-id <id> --access-key-secret <secret> [options]

  --host <addr>               listen address (default 127.0.0.1)
  --port <n>                  port, 0 = any free port (default 0)
  --region <id>               region of a bucket named without one, without oss- (default cn-hangzhou)
  --bucket <name>[@<region>]  create this bucket in that region if missing (repeatable)
  --style-limit <n>           styles per bucket (default 50)
  --max-object-bytes <n>      cap on one object body (default 67108864)
  --base-host <name>          <bucket>.<name> is virtual-hosted (repeatable; default localhost)
  --sts <id>:<secret>:<token> also accept these STS credentials (repeatable)
  --fault-<kind> <p>          probability 0-1 of a fault per request; kinds: ${faultKinds.join(", ")}
  --fault-schedule <a,b,...>  faults for the first requests in order (none = pass)
  --fault-latency <ms|a-b>    added latency per request
  --fault-seed <n>            seed of the fault generator (default 1)
  --fault-retry-after <s>     Retry-After seconds on injected 429 and 503 answers
  --access-log-interval <s>   seconds between access-log deliveries (default 3600, as OSS)
  --log                       print one line per request`;

function number(flag: string, text: string, integer: boolean): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} expects ${integer ? "an integer" : "a number"}, got "${text}".`);
  }
  return n;
}

function credential(text: string): EmulatorCredential {
  const first = text.indexOf(":");
  const second = first === -1 ? -1 : text.indexOf(":", first + 1);
  if (first <= 0 || second <= first + 1 || second === text.length - 1) {
    throw new UsageError(
      `--sts expects <id>:<secret>:<token>, got a value with ${text.split(":").length - 1} colon(s).`,
    );
  }
  return {
    accessKeyId: text.slice(0, first),
    accessKeySecret: text.slice(first + 1, second),
    securityToken: text.slice(second + 1),
  };
}

function latency(text: string): FaultOptions["latencyMs"] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return number("--fault-latency", text, false);
}

/**
 * Parses `argv` (without node and the script); a relative `--data` is resolved against `cwd`.
 *
 * @example
 * parseArgs(["--data", "d", "--access-key-id", "ak", "--access-key-secret", "sk"], "/work").dataDir; // "/work/d"
 */
export function parseArgs(
  argv: readonly string[],
  cwd: string,
): EmulatorOptions & { log?: EmulatorOptions["log"] } {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const single = new Map<string, string>();
  const repeated: Record<string, string[]> = { "--bucket": [], "--base-host": [], "--sts": [] };
  const probabilities: Partial<Record<FaultKind, number>> = {};
  let log = false;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? "";
    if (flag === "--log") {
      log = true;
      continue;
    }
    if (flag === "--help" || flag === "-h") throw new UsageError("");
    const known = [
      "--host",
      "--port",
      "--data",
      "--access-key-id",
      "--access-key-secret",
      "--region",
      "--style-limit",
      "--max-object-bytes",
      "--fault-schedule",
      "--fault-latency",
      "--fault-seed",
      "--fault-retry-after",
      "--access-log-interval",
    ];
    const kind =
      flag.startsWith("--fault-") && !known.includes(flag)
        ? (flag.slice("--fault-".length) as FaultKind)
        : undefined;
    const isFault = kind !== undefined && faultKinds.includes(kind);
    if (!known.includes(flag) && !(flag in repeated) && !isFault)
      throw new UsageError(`Unknown flag "${flag}".`);
    const value = args[i + 1];
    if (value === undefined || (value.startsWith("--") && value.length > 2))
      throw new UsageError(`${flag} needs a value.`);
    i++;
    if (isFault && kind) probabilities[kind] = number(flag, value, false);
    else if (flag in repeated) repeated[flag]?.push(value);
    else if (single.has(flag)) throw new UsageError(`${flag} is given twice.`);
    else single.set(flag, value);
  }
  const required = (flag: string): string => {
    const v = single.get(flag);
    if (v === undefined || v === "") throw new UsageError(`${flag} is required.`);
    return v;
  };
  const data = required("--data");
  const optionalInt = (flag: string): number | undefined => {
    const v = single.get(flag);
    return v === undefined ? undefined : number(flag, v, true);
  };
  const schedule = single.get("--fault-schedule");
  const latencyText = single.get("--fault-latency");
  const hasFaults =
    Object.keys(probabilities).length > 0 || schedule !== undefined || latencyText !== undefined;
  return {
    dataDir: isAbsolute(data) ? data : resolve(cwd, data),
    accessKeyId: required("--access-key-id"),
    accessKeySecret: required("--access-key-secret"),
    host: single.get("--host"),
    port: optionalInt("--port"),
    region: single.get("--region"),
    buckets: repeated["--bucket"],
    styleLimit: optionalInt("--style-limit"),
    maxObjectBytes: optionalInt("--max-object-bytes"),
    accessLogIntervalSeconds: optionalInt("--access-log-interval"),
    baseHosts: repeated["--base-host"]?.length ? repeated["--base-host"] : undefined,
    extraCredentials: repeated["--sts"]?.map(credential),
    faults: hasFaults
      ? {
          probabilities,
          schedule: schedule?.split(",").map((s) => s.trim()) as FaultOptions["schedule"],
          latencyMs: latencyText === undefined ? undefined : latency(latencyText),
          seed: optionalInt("--fault-seed"),
          retryAfterSeconds: optionalInt("--fault-retry-after"),
        }
      : undefined,
    log: log ? (line: string) => console.log(line) : undefined,
  };
}
