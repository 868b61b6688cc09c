import { isAbsolute, resolve } from "node:path";
import { type ParseArgsConfig, parseArgs as parseArgsOfNode } from "node:util";
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

const STRING_FLAGS = [
  "host",
  "port",
  "data",
  "access-key-id",
  "access-key-secret",
  "region",
  "style-limit",
  "max-object-bytes",
  "fault-schedule",
  "fault-latency",
  "fault-seed",
  "fault-retry-after",
  "access-log-interval",
  ...faultKinds.map((kind) => `fault-${kind}` as const),
] as const;
const REPEATED_FLAGS = ["bucket", "base-host", "sts"] as const;

/** `node:util` parseArgs' configuration: every flag above, the repeatable ones as lists. */
const OPTIONS = {
  ...Object.fromEntries(STRING_FLAGS.map((name) => [name, { type: "string" }])),
  ...Object.fromEntries(REPEATED_FLAGS.map((name) => [name, { type: "string", multiple: true }])),
  log: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

/** parseArgs' own errors, in this CLI's words (the flag named as typed). */
function usageError(error: unknown): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{0,2}[^' =]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
    return new UsageError(`Unknown flag "${flag}".`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return new UsageError(
      message.includes("does not take") ? `${flag} takes no value.` : `${flag} needs a value.`,
    );
  return new UsageError(message);
}

/**
 * Parses `argv` (without node and the script) with `node:util` parseArgs; a relative `--data` is
 * resolved against `cwd`. Throws UsageError naming the flag: unknown, missing its value, given twice
 * (all but the repeatable ones), not a number, or a required one absent.
 *
 * @example
 * parseArgs(["--data", "d", "--access-key-id", "ak", "--access-key-secret", "sk"], "/work").dataDir; // "/work/d"
 */
export function parseArgs(
  argv: readonly string[],
  cwd: string,
): EmulatorOptions & { log?: EmulatorOptions["log"] } {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parseWithOptions>;
  try {
    parsed = parseWithOptions(args);
  } catch (error) {
    throw usageError(error);
  }
  const { tokens } = parsed;
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) throw new UsageError("");
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option" || (REPEATED_FLAGS as readonly string[]).includes(token.name)) continue;
    if (seen.has(token.name)) throw new UsageError(`${token.rawName} is given twice.`);
    seen.add(token.name);
  }
  const single = (name: (typeof STRING_FLAGS)[number]): string | undefined =>
    values[name] as string | undefined;
  const repeated = (name: (typeof REPEATED_FLAGS)[number]): string[] =>
    (values[name] as string[] | undefined) ?? [];
  const required = (name: (typeof STRING_FLAGS)[number]): string => {
    const v = single(name);
    if (v === undefined || v === "") throw new UsageError(`--${name} is required.`);
    return v;
  };
  const data = required("data");
  const optionalInt = (name: (typeof STRING_FLAGS)[number]): number | undefined => {
    const v = single(name);
    return v === undefined ? undefined : number(`--${name}`, v, true);
  };
  const probabilities: Partial<Record<FaultKind, number>> = {};
  for (const kind of faultKinds) {
    const v = single(`fault-${kind}`);
    if (v !== undefined) probabilities[kind] = number(`--fault-${kind}`, v, false);
  }
  const schedule = single("fault-schedule");
  const latencyText = single("fault-latency");
  const hasFaults =
    Object.keys(probabilities).length > 0 || schedule !== undefined || latencyText !== undefined;
  const baseHosts = repeated("base-host");
  return {
    dataDir: isAbsolute(data) ? data : resolve(cwd, data),
    accessKeyId: required("access-key-id"),
    accessKeySecret: required("access-key-secret"),
    host: single("host"),
    port: optionalInt("port"),
    region: single("region"),
    buckets: repeated("bucket"),
    styleLimit: optionalInt("style-limit"),
    maxObjectBytes: optionalInt("max-object-bytes"),
    accessLogIntervalSeconds: optionalInt("access-log-interval"),
    baseHosts: baseHosts.length ? baseHosts : undefined,
    extraCredentials: repeated("sts").map(credential),
    faults: hasFaults
      ? {
          probabilities,
          schedule: schedule?.split(",").map((s) => s.trim()) as FaultOptions["schedule"],
          latencyMs: latencyText === undefined ? undefined : latency(latencyText),
          seed: optionalInt("fault-seed"),
          retryAfterSeconds: optionalInt("fault-retry-after"),
        }
      : undefined,
    log: values.log ? (line: string) => console.log(line) : undefined,
  };
}

function parseWithOptions(args: string[]) {
  return parseArgsOfNode({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
}
