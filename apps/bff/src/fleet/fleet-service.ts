import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import { failureText } from "../buckets/upstream-error.ts";
import { HttpError } from "../http/error.ts";
import { assertStyleContent, assertStyleName } from "../styles/assert-style.ts";
import { mayUseBucket, type Principal } from "../users/principal.ts";
import { toOssutil } from "./formats/ossutil.ts";
import { type PortableStyle, type StyleFile, toStyleFile } from "./formats/style-file.ts";
import { toTerraform } from "./formats/terraform.ts";
import type { FleetJob } from "./jobs/job.ts";
import type { JobRunner } from "./jobs/runner.ts";
import { buildMatrix, type Matrix } from "./matrix.ts";
import { type PlanItem, planTarget } from "./plan.ts";

/**
 * The fleet: every managed bucket compared, exported, imported, copied and synced. Plans are computed
 * here from live ListStyle answers; applying runs through the job runner (durable, paced, audited).
 */

export type ExportFormat = "json" | "terraform" | "ossutil";

export interface FleetServiceOptions {
  buckets: readonly ManagedBucket[];
  runner: JobRunner;
  /** ListStyle calls in flight at once when reading many buckets (default 8). */
  readConcurrency?: number;
  now?: () => Date;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The target's rule for one style, as a message (undefined when fine): the same name and content checks
 * as the console's create route, so a plan never promises what the target would refuse.
 *
 * @example
 * targetProblem({ name: "a b", content: "image/resize,w_1", category: "image" }); // "The style name is not valid: …"
 */
export function targetProblem(style: PortableStyle): string | undefined {
  try {
    assertStyleName(style.name);
    assertStyleContent(style.content);
    return undefined;
  } catch (error) {
    if (error instanceof HttpError) return error.message;
    throw error;
  }
}

/** Refuses a bucket outside a limited role, as the access rules do for a bucket named in the path. */
function assertMayUse(actor: Pick<Principal, "buckets">, bucket: string): void {
  if (!mayUseBucket(actor, bucket))
    throw new HttpError("BucketNotAllowed", `Your role does not cover the bucket "${bucket}".`, {
      details: { bucket, allowed: actor.buckets ?? [] },
    });
}

/**
 * Whether a job concerns only buckets `actor` may use: its targets, and for a copy or sync its source
 * (an import's source is a file's label, not a bucket read).
 */
function mayUseJob(actor: Pick<Principal, "buckets">, job: FleetJob): boolean {
  if (actor.buckets === null) return true;
  return (
    job.targets.every((t) => mayUseBucket(actor, t)) &&
    (job.kind === "import" || mayUseBucket(actor, job.source))
  );
}

export function createFleetService(options: FleetServiceOptions) {
  const bucketNamed = bucketLookup(options.buckets);
  const now = options.now ?? (() => new Date());
  const concurrency = options.readConcurrency ?? 8;

  async function stylesOf(bucket: ManagedBucket) {
    return (await bucket.styles.list()).map((s) => ({
      name: s.name,
      content: s.content,
      category: s.category || "image",
      lastModifyTime: s.lastModifyTime.toISOString(),
    }));
  }

  async function plan(source: readonly PortableStyle[], targets: readonly string[], deleteExtras: boolean) {
    const resolved = targets.map(bucketNamed);
    const perTarget = await mapLimit(resolved, concurrency, async (target) =>
      planTarget({
        target: target.name,
        source,
        current: await stylesOf(target),
        limit: target.styleLimit,
        deleteExtras,
        validate: targetProblem,
      }),
    );
    return perTarget.flat();
  }

  async function record(
    kind: FleetJob["kind"],
    sourceName: string,
    targets: string[],
    actor: Principal,
    items: PlanItem[],
    notPermitted: string[] = [],
  ) {
    return options.runner.create({ kind, source: sourceName, targets, notPermitted, actor, items });
  }

  return {
    /**
     * The matrix of every managed bucket (or `names`) against `reference`, limited to the buckets
     * `actor`'s role covers (the reference must be one). A bucket that cannot be read is reported with its
     * error instead of failing the whole matrix.
     */
    async matrix(
      reference: string,
      names: readonly string[] | undefined,
      actor: Pick<Principal, "buckets">,
    ): Promise<Matrix> {
      bucketNamed(reference);
      assertMayUse(actor, reference);
      const chosen = (
        names ? [...new Set([reference, ...names])].map(bucketNamed) : [...options.buckets]
      ).filter((b) => mayUseBucket(actor, b.name));
      const read = await mapLimit(chosen, concurrency, async (b) => {
        try {
          return { name: b.name, region: b.region, styles: await stylesOf(b) };
        } catch (error) {
          const e = error instanceof HttpError ? error : undefined;
          return {
            name: b.name,
            region: b.region,
            styles: undefined,
            error: { code: e?.code ?? "UpstreamFailed", message: failureText(error, b.name) },
          };
        }
      });
      return buildMatrix(reference, read);
    },

    /** A bucket's styles as a file: our JSON, Terraform or ossutil commands. */
    async export(
      name: string,
      format: ExportFormat,
    ): Promise<{ body: string; contentType: string; filename: string }> {
      const bucket = bucketNamed(name);
      const styles = await stylesOf(bucket);
      if (format === "terraform")
        return {
          body: toTerraform(name, styles),
          contentType: "text/plain; charset=utf-8",
          filename: `${name}-styles.tf`,
        };
      if (format === "ossutil")
        return {
          body: toOssutil(name, styles),
          contentType: "text/x-shellscript; charset=utf-8",
          filename: `${name}-styles.sh`,
        };
      const file = toStyleFile(name, bucket.region, styles, now());
      return {
        body: `${JSON.stringify(file, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        filename: `${name}-styles.json`,
      };
    },

    /** Plans an import of `file` into `target`, recorded as a job awaiting apply. */
    async planImport(actor: Principal, target: string, file: StyleFile, deleteExtras: boolean) {
      const items = await plan(file.styles, [target], deleteExtras);
      return record("import", file.bucket, [target], actor, items);
    },

    /**
     * Plans a copy (or a sync with `deleteExtras`) of `styles` (all when absent) from `source`. For a role
     * limited to some buckets the source must be one of them; targets outside them are not read or
     * planned, only listed as `notPermitted`.
     */
    async planCopy(
      actor: Principal,
      input: { source: string; targets: string[]; styles?: string[] | undefined; deleteExtras: boolean },
    ) {
      const source = bucketNamed(input.source);
      assertMayUse(actor, source.name);
      const asked = [...new Set(input.targets)].filter((t) => t !== input.source);
      if (asked.length === 0)
        throw new HttpError("NoTargets", "Choose at least one target bucket other than the source.");
      const targets = asked.filter((t) => mayUseBucket(actor, t));
      const notPermitted = asked.filter((t) => !mayUseBucket(actor, t));
      let styles = await stylesOf(source);
      if (input.styles) {
        const wanted = new Set(input.styles);
        const unknown = input.styles.filter((n) => !styles.some((s) => s.name === n));
        if (unknown.length > 0)
          throw new HttpError(
            "NoSuchStyle",
            `Bucket "${source.name}" has no style named ${unknown.map((n) => `"${n}"`).join(", ")}.`,
          );
        styles = styles.filter((s) => wanted.has(s.name));
      }
      const portable = styles.map(({ name, content, category }) => ({ name, content, category }));
      const items = await plan(portable, targets, input.deleteExtras);
      return record(input.deleteExtras ? "sync" : "copy", source.name, targets, actor, items, notPermitted);
    },

    /** A job `actor` may see (404 otherwise, as for a job that does not exist). */
    async job(id: string, actor: Pick<Principal, "buckets">): Promise<FleetJob> {
      const job = await options.runner.get(id);
      if (!job || !mayUseJob(actor, job)) throw new HttpError("NoSuchJob", "There is no such fleet job.");
      return job;
    },

    /** The newest jobs `actor` may see. */
    async jobs(actor: Pick<Principal, "buckets">): Promise<FleetJob[]> {
      return (await options.runner.list()).filter((job) => mayUseJob(actor, job));
    },

    runner: options.runner,
  };
}

export type FleetService = ReturnType<typeof createFleetService>;
