import { parseRegion, REGION_EXPECTED } from "@style-console/contract/names";
import type { MemoryBudget } from "@style-console/imgproc/budget";
import type { EmulatorCredential } from "../auth/index.ts";
import { type FaultOptions, validateFaults } from "../faults/plan.ts";
import { type BucketSpec, isBucketName } from "../storage/buckets.ts";

/** The options of `startEmulator`, validated once, with one message builder, before anything starts. */

export interface EmulatorOptions {
  /** Directory for buckets, styles and objects; created if missing. */
  readonly dataDir: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Extra key pairs; one with `securityToken` is an STS credential that must send that token. */
  readonly extraCredentials?: readonly EmulatorCredential[] | undefined;
  /** Loopback by default. */
  readonly host?: string | undefined;
  /** 0 (default) picks a free port. */
  readonly port?: number | undefined;
  /** Region id, without `oss-`, of a bucket named without one (default `cn-hangzhou`). */
  readonly region?: string | undefined;
  /**
   * Buckets to create if missing: `"photos"` (in `region`), `"shop-eu@eu-central-1"` or
   * `{ name, region }`. Buckets already under `dataDir` are served too, in the region they were made in.
   */
  readonly buckets?: ReadonlyArray<string | BucketSpec> | undefined;
  /** Styles per bucket (default 50, reference §2.6). */
  readonly styleLimit?: number | undefined;
  /** Cap on an object body (default 64 MiB). */
  readonly maxObjectBytes?: number | undefined;
  /** Cap on an XML request body (default 64 KiB). */
  readonly maxXmlBytes?: number | undefined;
  /** Host names under which `<bucket>.<name>` is virtual-hosted (default `["localhost"]`). */
  readonly baseHosts?: readonly string[] | undefined;
  /** Allowed clock skew (default 900000 ms, as OSS). */
  readonly maxSkewMs?: number | undefined;
  /** Off by default. */
  readonly faults?: FaultOptions | undefined;
  /** The server's clock (tests move it to expire URLs or skew requests). */
  readonly clock?: (() => Date) | undefined;
  /**
   * Seconds between access-log deliveries for buckets with logging on (default 3600, hourly as OSS;
   * reference oss-logging-buckets.md §2.2).
   */
  readonly accessLogIntervalSeconds?: number | undefined;
  /**
   * The bytes `x-oss-process` renders may hold at once, by their estimates (default: 256 MB shared by
   * every emulator in the process started without one). An embedding process passes the budget its
   * own image work draws on too, so both stay within one figure.
   */
  readonly processMemory?: MemoryBudget | undefined;
  /** One line per request (method, path, status, ms); no headers, so no credentials. */
  readonly log?: ((line: string) => void) | undefined;
}

/** Every option present and defined (`Required` alone keeps an explicit `| undefined`). */
type Defined<T> = { readonly [K in keyof T]-?: NonNullable<T[K]> };

export type ResolvedOptions = Defined<
  Omit<EmulatorOptions, "faults" | "log" | "extraCredentials" | "buckets" | "processMemory">
> &
  Pick<EmulatorOptions, "faults" | "log" | "processMemory"> & {
    readonly credentials: readonly EmulatorCredential[];
    readonly buckets: readonly BucketSpec[];
  };

function invalid(field: string, expected: string, got: unknown): Error {
  return new Error(`Invalid option ${field}: expected ${expected}, got ${JSON.stringify(got)}.`);
}

/**
 * Reads one bucket option: `"name"`, `"name@region"` or `{ name, region }`.
 *
 * @example
 * bucketSpec("shop-eu@eu-central-1"); // { name: "shop-eu", region: "eu-central-1" }
 */
export function bucketSpec(value: string | BucketSpec): BucketSpec {
  if (typeof value !== "string") return value;
  const at = value.indexOf("@");
  return at === -1 ? { name: value } : { name: value.slice(0, at), region: value.slice(at + 1) };
}

function int(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `an integer ${min}–${max}`, value);
  }
  return value;
}

/**
 * Checks every option and fills in the defaults; throws an Error naming the first bad option.
 *
 * @example
 * resolveOptions({ dataDir: "/tmp/oss", accessKeyId: "ak", accessKeySecret: "sk" }).region; // "cn-hangzhou"
 */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  if (typeof options.dataDir !== "string" || options.dataDir === "")
    throw invalid("dataDir", "a directory path", options.dataDir);
  const credentials: EmulatorCredential[] = [
    { accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret },
    ...(options.extraCredentials ?? []),
  ];
  for (const [i, c] of credentials.entries()) {
    const where = i === 0 ? "" : `extraCredentials[${i - 1}].`;
    if (typeof c.accessKeyId !== "string" || !/^[\x21-\x7e]+$/.test(c.accessKeyId)) {
      throw invalid(`${where}accessKeyId`, "printable ASCII without spaces", c.accessKeyId);
    }
    if (typeof c.accessKeySecret !== "string" || c.accessKeySecret === "") {
      throw new Error(`Invalid option ${where}accessKeySecret: expected a non-empty string.`);
    }
  }
  const region = parseRegion(options.region ?? "cn-hangzhou");
  if (region === undefined) throw invalid("region", REGION_EXPECTED, options.region);
  const buckets = (options.buckets ?? []).map((value) => {
    const b = bucketSpec(value);
    if (!isBucketName(b.name))
      throw invalid("buckets", "names of 3–63 [a-z0-9-], not starting or ending with -", b.name);
    if (b.region === undefined) return b;
    const bucketRegion = parseRegion(b.region);
    if (bucketRegion === undefined) throw invalid("buckets", `NAME@REGION with ${REGION_EXPECTED}`, b.region);
    return { ...b, region: bucketRegion };
  });
  const seen = new Set<string>();
  for (const b of buckets) {
    if (seen.has(b.name)) throw invalid("buckets", "each bucket once", b.name);
    seen.add(b.name);
  }
  if (options.faults) validateFaults(options.faults);
  return {
    dataDir: options.dataDir,
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
    credentials,
    host: options.host ?? "127.0.0.1",
    port: int("port", options.port ?? 0, 0, 65535),
    region,
    buckets,
    styleLimit: int("styleLimit", options.styleLimit ?? 50, 1, 10_000),
    maxObjectBytes: int("maxObjectBytes", options.maxObjectBytes ?? 64 * 1024 * 1024, 1, 5 * 1024 ** 3),
    maxXmlBytes: int("maxXmlBytes", options.maxXmlBytes ?? 64 * 1024, 1, 16 * 1024 * 1024),
    baseHosts: options.baseHosts ?? ["localhost"],
    maxSkewMs: int("maxSkewMs", options.maxSkewMs ?? 900_000, 0, 7 * 24 * 3600 * 1000),
    faults: options.faults,
    accessLogIntervalSeconds: int(
      "accessLogIntervalSeconds",
      options.accessLogIntervalSeconds ?? 3600,
      1,
      86_400,
    ),
    clock: options.clock ?? (() => new Date()),
    log: options.log,
    processMemory: options.processMemory,
  };
}
