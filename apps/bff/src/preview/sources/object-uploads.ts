import { createHash } from "node:crypto";
import type { ImageFacts } from "@style-console/contract/dto";
import { isBucketName } from "@style-console/contract/names";
import type { OssClient } from "@style-console/oss";
import type { ColumnType, Kysely } from "kysely";
import type { DistributedLocks } from "../../db/locks.ts";
import type { Database } from "../../db/schema.ts";
import { HttpError } from "../../http/error.ts";
import type { SampleDto, SourceBytes } from "./sample.ts";
import type { UploadStore } from "./uploads.ts";

/** `uploads`: one row per stored upload (the object holds the bytes). */
export interface UploadTables {
  uploads: {
    /** SHA-256 of the bytes, hex: the object's name under the prefix. */
    id: string;
    name: string;
    /** JSON of the checked {@link ImageFacts}. */
    facts: string;
    bytes: number;
    /** `oss://bucket/prefix` it was stored under. */
    location: string;
    saved_at: ColumnType<Date, Date | string | undefined, never>;
  };
}

/** What the preview needs from an upload store, on disk (one replica) or as objects (every replica). */
export type Uploads = Pick<UploadStore, "save" | "list" | "read" | "remove">;

/** `UPLOADS_LOCATION`, parsed. */
export interface UploadsLocation {
  bucket: string;
  /** Empty, or ending with `/`. */
  prefix: string;
}

/**
 * Parses `oss://bucket/prefix` (prefix optional). Throws naming what is wrong.
 * @example
 * parseUploadsLocation("oss://team-assets/console/uploads"); // { bucket: "team-assets", prefix: "console/uploads/" }
 */
export function parseUploadsLocation(text: string): UploadsLocation {
  const match = /^oss:\/\/([^/]+)(?:\/(.*))?$/.exec(text);
  if (!match?.[1] || !isBucketName(match[1]))
    throw new Error("UPLOADS_LOCATION must be oss://<bucket>/<prefix> (a bucket name of a–z 0–9 -)");
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  return { bucket: match[1], prefix: prefix === "" ? "" : `${prefix}/` };
}

export interface ObjectUploadStoreOptions {
  db: Kysely<Database>;
  /** A client for the uploads' bucket (same account and endpoint as the managed buckets). */
  client: OssClient;
  location: UploadsLocation;
  /** Total bytes of all uploads (`UPLOADS_QUOTA_MB`). */
  quotaBytes: number;
  locks: DistributedLocks;
}

const MAX_READ = 20 * 1024 * 1024;

/**
 * Preview uploads every replica can read: the bytes as objects `<prefix><sha256>` in the operator's
 * bucket (content-addressed: the same image twice is one object), what was checked about them in the
 * shared database. The object is written before its row and the row deleted before its object, so a
 * listed upload always has its bytes. The quota counts the rows' sizes under a lock, so two replicas
 * cannot both take the last megabytes.
 * @example
 * const uploads = new ObjectUploadStore({ db, client, location, quotaBytes: 1024 * MB, locks });
 */
export class ObjectUploadStore implements Uploads {
  readonly #location: string;

  constructor(private readonly options: ObjectUploadStoreOptions) {
    this.#location = `oss://${options.location.bucket}/${options.location.prefix}`;
  }

  #key(id: string): string {
    return `${this.options.location.prefix}${id}`;
  }

  async save(bytes: Buffer, name: string, facts: ImageFacts): Promise<SampleDto> {
    const id = createHash("sha256").update(bytes).digest("hex");
    const { db, client, location, quotaBytes, locks } = this.options;
    return locks.run("uploads", this.#location, async () => {
      const existing = await db
        .selectFrom("uploads")
        .select(["name", "facts"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (existing)
        return { id, name: existing.name, kind: "upload", ...(JSON.parse(existing.facts) as ImageFacts) };
      const used = await db
        .selectFrom("uploads")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("bytes"), eb.lit(0)).as("total"))
        .executeTakeFirstOrThrow();
      if (Number(used.total) + bytes.length > quotaBytes) {
        const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
        throw new HttpError(
          "UploadQuotaExceeded",
          `Uploads are limited to ${mb(quotaBytes)} MB in all (UPLOADS_QUOTA_MB); ${mb(Number(used.total))} MB are used. Delete some uploads first.`,
        );
      }
      await client.putObject(this.#key(id), bytes, {
        bucket: location.bucket,
        contentType: "application/octet-stream",
      });
      await db
        .insertInto("uploads")
        .values({ id, name, facts: JSON.stringify(facts), bytes: bytes.length, location: this.#location })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      return { id, name, kind: "upload", ...facts };
    });
  }

  /** Newest first. */
  async list(): Promise<SampleDto[]> {
    const rows = await this.options.db
      .selectFrom("uploads")
      .select(["id", "name", "facts"])
      .orderBy("saved_at", "desc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: "upload" as const,
      ...(JSON.parse(r.facts) as ImageFacts),
    }));
  }

  async read(id: string): Promise<SourceBytes | undefined> {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    const row = await this.options.db
      .selectFrom("uploads")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const object = await this.options.client.getObject(this.#key(id), {
      bucket: this.options.location.bucket,
    });
    const bytes = Buffer.from(await new Response(object.body).arrayBuffer());
    if (bytes.length > MAX_READ) return undefined;
    return { bytes, hash: id };
  }

  /** False when there was no such upload. */
  async remove(id: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(id)) return false;
    const result = await this.options.db.deleteFrom("uploads").where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await this.options.client.deleteObject(this.#key(id), { bucket: this.options.location.bucket });
    return true;
  }
}
