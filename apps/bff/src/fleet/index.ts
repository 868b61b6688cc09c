import type { Kysely } from "kysely";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import type { Database } from "../db/schema.ts";
import type { Logger } from "../platform/logger.ts";
import type { StyleWriter } from "../styles/writer.ts";
import { createFleetService, type FleetService } from "./fleet-service.ts";
import { dbJobStore } from "./jobs/job-store.ts";
import { createJobRunner } from "./jobs/runner.ts";

/** The fleet feature's wiring: job store (in the database), runner and service (issue 12). */

export interface FleetOptions {
  /** This replica's id (fleet/replica-id.ts): the owner of the job leases it holds. */
  replicaId: string;
  /** How long a job's lease lasts unrenewed (default 30 s). */
  leaseMs?: number;
  /** How often to look for jobs a stopped replica left (default 10 s; 0: at start only). */
  sweepMs?: number;
  /** Writes in flight at once per target (default 8); the OSS client's rate limit sets the pace. */
  concurrency?: number;
}

export interface Fleet {
  service: FleetService;
  bucket: (name: string) => ManagedBucket;
  /** Resumes jobs a previous process left running (main.ts calls it once the server listens). */
  resume: () => Promise<void>;
  /** Resolves when no job is running (tests). */
  idle: () => Promise<void>;
  /** Stops looking for jobs to resume (shutdown, tests). */
  stop: () => void;
}

/**
 * Builds the fleet over the managed buckets and the audit log.
 *
 * @example
 * const fleet = createFleet({ buckets, writer, db, replicaId: replicaId(data), logger });
 */
export function createFleet(
  options: FleetOptions & {
    buckets: readonly ManagedBucket[];
    writer: StyleWriter;
    db: Kysely<Database>;
    logger: Logger;
  },
): Fleet {
  const bucket = bucketLookup(options.buckets);
  const runner = createJobRunner({
    store: dbJobStore(options.db),
    bucket,
    writer: options.writer,
    replicaId: options.replicaId,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.sweepMs === undefined ? {} : { sweepMs: options.sweepMs }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
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
    stop: () => runner.stop(),
  };
}
