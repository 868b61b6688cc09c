import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import type { Logger } from "../platform/logger.ts";
import type { StyleWriter } from "../styles/writer.ts";
import { createFleetService, type FleetService } from "./fleet-service.ts";
import { fileJobStore } from "./jobs/job-store.ts";
import { Pacer } from "./jobs/pacer.ts";
import { createJobRunner } from "./jobs/runner.ts";

/** The fleet feature's wiring: job store, pacer, runner and service (issue 12). */

export interface FleetOptions {
  /** Directory of the durable job files (`<data>/fleet/jobs`). */
  jobsDir: string;
  /** The account's request rate for fleet writes: never more than this many in any second. */
  qps: number;
  /** Writes in flight at once per target (default 8). */
  concurrency?: number;
}

export interface Fleet {
  service: FleetService;
  bucket: (name: string) => ManagedBucket;
  /** Resumes jobs a previous process left running (main.ts calls it once the server listens). */
  resume: () => Promise<void>;
  /** Resolves when no job is running (tests). */
  idle: () => Promise<void>;
}

/**
 * Builds the fleet over the managed buckets and the audit log.
 *
 * @example
 * const fleet = createFleet({ buckets, writer, jobsDir: join(data, "fleet", "jobs"), qps: 100, logger });
 */
export function createFleet(
  options: FleetOptions & { buckets: readonly ManagedBucket[]; writer: StyleWriter; logger: Logger },
): Fleet {
  const bucket = bucketLookup(options.buckets);
  const runner = createJobRunner({
    store: fileJobStore(options.jobsDir),
    bucket,
    writer: options.writer,
    // A copied style costs three OSS requests (the writer's read under the lock, PutStyle, the read-back),
    // so writes are paced at a third of the account's rate to keep the requests within OSS_QPS.
    pacer: new Pacer(options.qps / 3),
    concurrency: options.concurrency,
    log: (line) => options.logger.info(line),
  });
  const service = createFleetService({ buckets: options.buckets, runner });
  return {
    service,
    bucket,
    resume: async () => {
      await runner.resumeAll();
    },
    idle: () => runner.idle(),
  };
}
