import { isBucketName } from "@style-console/contract/names";
import { z } from "zod";

/** Request shapes of the usage routes (one zod schema each). */

export const usageQuery = z.object({
  /** Days of `daily` to return, ending today (UTC); 30 by default, at most 90. */
  days: z.coerce
    .number({ error: "`days` must be a number" })
    .int("`days` must be a whole number")
    .min(1, "`days` must be 1–90")
    .max(90, "`days` must be 1–90")
    .default(30),
});

export const requestsQuery = z.object({
  /** `YYYY-MM`; this month (UTC+8, OSS's billing time) when omitted. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "`month` must be YYYY-MM, e.g. 2026-11")
    .optional(),
});

// Bucket names as OSS defines them; control characters never belong in a key prefix.
const bucketName = z
  .string({ error: "`targetBucket` must be a string" })
  .refine(isBucketName, "`targetBucket` must be a bucket name (3–63 of a–z 0–9 -)");

export const loggingBody = z.union([
  z.object({
    enabled: z.literal(true),
    targetBucket: bucketName,
    targetPrefix: z
      .string({ error: "`targetPrefix` must be a string" })
      .max(512, "`targetPrefix` is too long (512 characters max)")
      .refine(
        (p) => ![...p].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === "\u007f"),
        "`targetPrefix` must not contain control characters",
      )
      .refine((p) => !p.startsWith("/"), "`targetPrefix` must not start with /")
      .default(""),
  }),
  z.object({ enabled: z.literal(false) }),
]);
