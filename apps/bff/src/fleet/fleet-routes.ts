import { isObjectKey, isStyleName, OBJECT_KEY_MAX_BYTES } from "@style-console/contract/names";
import { bucketParam } from "@style-console/contract/schemas";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { me } from "../auth/me.ts";
import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import type { ApiEnv } from "../http/api-env.ts";
import { HttpError } from "../http/error.ts";
import { validate } from "../http/zod-validator.ts";
import type { FleetService } from "./fleet-service.ts";
import { styleFileJsonSchema, styleFileSchema } from "./formats/style-file.ts";
import { type FleetJob, progressOf } from "./jobs/job.ts";
import { styleUrls } from "./style-urls.ts";

/** The fleet's API: matrix, export/import, copy/sync plans and jobs, style URLs (issue 12). */

/** An import file may hold up to 1000 styles of up to 16 KiB: larger than the API's usual 64 KiB. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .optional()
  .transform((v) => v === "true" || v === "1");

const exportQuery = z.object({
  format: z
    .enum(["json", "terraform", "ossutil"], { error: "`format` must be json, terraform or ossutil" })
    .default("json"),
});
const importQuery = z.object({
  dryRun: flag,
  /** Sync semantics: also delete the target's styles the file lacks. */
  delete: flag,
  /** Apply this reviewed plan (from a dry run) instead of planning again. */
  planId: z.string().uuid("`planId` must be the id a dry run returned").optional(),
});
const matrixQuery = z.object({
  reference: z.string().min(1, "`reference` must name a bucket"),
  /** Comma-separated bucket names; all managed buckets when absent. */
  buckets: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    ),
});
const copyBody = z.object({
  source: z.string().min(1),
  targets: z.array(z.string().min(1)).min(1, "choose at least one target").max(500),
  /** Style names to copy; all of the source's when absent. */
  styles: z.array(z.string().min(1)).max(1000).optional(),
  /** Sync: plan `delete` for the targets' styles the source lacks. */
  delete: z.boolean().default(false),
});
const jobParam = z.object({ id: z.string().uuid("not a job id") });
const urlQuery = z.object({
  key: z
    .string()
    .min(1, "`key` must name an object")
    .refine(isObjectKey, `\`key\` must be an object key (1–${OBJECT_KEY_MAX_BYTES} bytes of UTF-8)`),
  style: z.string().refine(isStyleName, "`style` must be a style name (1–63 of A–Z a–z 0–9 _ . -)"),
  expires: z.coerce.number().int().min(1).max(604_800, "`expires` is 1–604800 seconds").default(3600),
});

/** A job as the API shows it: its plan items, their statuses and the progress counts. */
export function jobDto(job: FleetJob) {
  return {
    id: job.id,
    kind: job.kind,
    source: job.source,
    targets: job.targets,
    notPermitted: job.notPermitted,
    state: job.state,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    progress: progressOf(job),
    items: job.items.map((item) => ({
      target: item.target,
      name: item.name,
      action: item.action,
      status: item.status,
      ...(item.reason ? { reason: item.reason } : {}),
      ...(item.message ? { message: item.message } : {}),
      before: item.before,
      after: item.after,
    })),
  };
}

export type FleetJobDto = ReturnType<typeof jobDto>;

const planOf = (job: FleetJob) =>
  job.items.map((i) => ({
    target: i.target,
    name: i.name,
    action: i.action,
    ...(i.reason ? { reason: i.reason } : {}),
    before: i.before,
    after: i.after,
  }));

const importBodyLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new HttpError(
      "PayloadTooLarge",
      `An import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`,
    );
  },
});

/** `/api/buckets/:bucket/styles/{export,import}` and `/api/buckets/:bucket/style-urls`. */
export function fleetBucketRoutes(fleet: FleetService, bucketOf: (name: string) => ManagedBucket) {
  return new Hono<ApiEnv>()
    .get(
      "/:bucket/styles/export",
      validate("param", bucketParam),
      validate("query", exportQuery),
      async (c) => {
        const { bucket } = c.req.valid("param");
        const file = await fleet.export(bucket, c.req.valid("query").format);
        c.header("Content-Type", file.contentType);
        c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
        return c.body(file.body, 200);
      },
    )
    .post(
      "/:bucket/styles/import",
      importBodyLimit,
      validate("param", bucketParam),
      validate("query", importQuery),
      async (c) => {
        const { bucket } = c.req.valid("param");
        const query = c.req.valid("query");
        const actor = me(c);
        if (query.planId && !query.dryRun) {
          const { job, wait } = await fleet.runner.apply(query.planId, actor);
          if (job.kind !== "import" || job.targets[0] !== bucket)
            throw new HttpError("PlanMismatch", `Plan ${query.planId} is not an import into "${bucket}".`);
          await wait;
          return c.json(
            {
              planId: job.id,
              results: job.items.map((i) => ({
                name: i.name,
                action: i.action,
                status: i.status,
                ...(i.message ? { message: i.message } : {}),
              })),
            },
            200,
          );
        }
        let raw: unknown;
        try {
          raw = await c.req.json();
        } catch {
          throw new HttpError("InvalidImportFile", "The import file is not JSON.");
        }
        const parsed = styleFileSchema.safeParse(raw);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
          throw new HttpError(
            "InvalidImportFile",
            `The import file is not valid: ${issues.map((i) => `${i.path || "(file)"}: ${i.message}`).join("; ")}`,
            { details: { issues } },
          );
        }
        const job = await fleet.planImport(actor, bucket, parsed.data, query.delete);
        if (query.dryRun) return c.json({ planId: job.id, plan: planOf(job) }, 200);
        const applied = await fleet.runner.apply(job.id, actor);
        await applied.wait;
        return c.json(
          {
            planId: job.id,
            results: applied.job.items.map((i) => ({
              name: i.name,
              action: i.action,
              status: i.status,
              ...(i.message ? { message: i.message } : {}),
            })),
          },
          200,
        );
      },
    )
    .get("/:bucket/style-urls", validate("param", bucketParam), validate("query", urlQuery), async (c) => {
      const { bucket } = c.req.valid("param");
      const { key, style, expires } = c.req.valid("query");
      return c.json(await styleUrls(bucketOf(bucket), key, style, expires, new Date()), 200);
    });
}

/** `/api/fleet/…`: the matrix, the style file's schema, copy/sync plans and jobs. */
export function fleetRoutes(fleet: FleetService) {
  return new Hono<ApiEnv>()
    .get("/styles", validate("query", matrixQuery), async (c) => {
      const { reference, buckets } = c.req.valid("query");
      return c.json(await fleet.matrix(reference, buckets, me(c)), 200);
    })
    .get("/style-file.schema.json", (c) => c.json(styleFileJsonSchema(), 200))
    .post("/copy/plan", validate("json", copyBody), async (c) => {
      const body = c.req.valid("json");
      const job = await fleet.planCopy(me(c), {
        source: body.source,
        targets: body.targets,
        styles: body.styles,
        deleteExtras: body.delete,
      });
      return c.json(jobDto(job), 201);
    })
    .get("/jobs", async (c) => c.json({ jobs: (await fleet.jobs(me(c))).map(jobDto) }, 200))
    .get("/jobs/:id", validate("param", jobParam), async (c) => {
      return c.json(jobDto(await fleet.job(c.req.valid("param").id, me(c))), 200);
    })
    .post("/jobs/:id/apply", validate("param", jobParam), async (c) => {
      const { id } = c.req.valid("param");
      await fleet.job(id, me(c));
      const { job } = await fleet.runner.apply(id, me(c));
      return c.json(jobDto(job), 202);
    })
    .post("/jobs/:id/cancel", validate("param", jobParam), async (c) => {
      const { id } = c.req.valid("param");
      await fleet.job(id, me(c));
      const job = await fleet.runner.cancel(id);
      if (!job) throw new HttpError("NoSuchJob", "There is no such fleet job.");
      return c.json(jobDto(job), 200);
    });
}
