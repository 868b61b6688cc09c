import type { StyleDto } from "@style-console/contract/dto";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import type { DistributedLocks } from "../db/locks.ts";
import { HttpError } from "../http/error.ts";
import type { Logger } from "../platform/logger.ts";
import { assertStyleName } from "../styles/assert-style.ts";
import { toStyleDto } from "../styles/style-service.ts";
import type { StyleWriter } from "../styles/writer.ts";
import type { Principal } from "../users/principal.ts";
import type { DeletedStyleDto, VersionDto } from "./dto.ts";
import type { BucketSettingsStore } from "./settings.ts";
import { differs, type VersionStore } from "./versions.ts";

export interface HistoryServiceOptions {
  buckets: readonly ManagedBucket[];
  versions: VersionStore;
  settings: BucketSettingsStore;
  writer: StyleWriter;
  locks: DistributedLocks;
  logger?: Logger;
}

/** What the style reads tell history: what OSS holds now, so changes made elsewhere become versions. */
export interface StyleObserver {
  /** After a bucket listing: every style OSS listed (absent known styles were deleted outside). */
  listed(target: ManagedBucket, styles: readonly UpstreamStyle[]): Promise<void>;
  /** After reading one style (undefined: OSS has none of that name). */
  read(target: ManagedBucket, name: string, style: UpstreamStyle | undefined): Promise<void>;
}

const lockKey = (target: ManagedBucket, name: string) => `${target.name}/${name}`;

/**
 * Style history: versions (committed audit events), external change detection, restore, and the
 * recently deleted styles of a bucket.
 */
export function createHistoryService(options: HistoryServiceOptions) {
  const { versions, writer, locks } = options;
  const bucket = bucketLookup(options.buckets);

  /**
   * Records what OSS holds as an `external` version when it differs from the last known version.
   * Runs under the style's cross-replica lock and reads OSS again there, so a console write finishing
   * meanwhile is not mistaken for an outside change, and two replicas reading at once record it once.
   */
  async function reconcileOne(target: ManagedBucket, name: string): Promise<void> {
    await locks.run("style", lockKey(target, name), async () => {
      if (await versions.hasPending(target.name, name)) return; // a write in flight or to be reconciled
      const now = await target.styles.get(name);
      const known = (await versions.knownStates(target.name, name)).get(name);
      if (differs(known, now)) await versions.recordExternal(target, name, known, now);
    });
  }

  async function quietly(task: () => Promise<void>, what: string): Promise<void> {
    try {
      await task();
    } catch (error) {
      // A read must answer even when history cannot be updated now; the next read tries again.
      options.logger?.error(`history: ${what}: ${(error as Error).message}`);
    }
  }

  const observer: StyleObserver = {
    async listed(target, styles) {
      await quietly(async () => {
        const known = await versions.knownStates(target.name);
        const listed = new Map(styles.map((s) => [s.name, s]));
        const changed = new Set<string>();
        for (const style of styles) if (differs(known.get(style.name), style)) changed.add(style.name);
        for (const [name, state] of known) if (state.content !== null && !listed.has(name)) changed.add(name);
        for (const name of changed) await reconcileOne(target, name);
      }, `listing ${target.name}`);
    },
    async read(target, name, style) {
      await quietly(async () => {
        const known = (await versions.knownStates(target.name, name)).get(name);
        if (differs(known, style)) await reconcileOne(target, name);
      }, `reading ${target.name}/${name}`);
    },
  };

  async function versionsOf(bucketName: string, name: string): Promise<VersionDto[]> {
    const target = bucket(bucketName);
    assertStyleName(name);
    await observer.read(target, name, await target.styles.get(name));
    const list = await versions.list(target.name, name);
    if (list.length === 0) {
      throw new HttpError(
        "NoSuchStyle",
        `Bucket "${target.name}" has no style named "${name}" and no history of one.`,
      );
    }
    return list;
  }

  /**
   * Puts a version back (PutStyle, audited as `restore`). While the style exists the caller must say
   * which version it replaces (`expectedLastModifyTime`, 428 without, 409 `StyleChanged` when OSS holds
   * another); for a deleted style it must not send one (it recreates the style).
   */
  async function restore(
    actor: Principal,
    bucketName: string,
    name: string,
    id: number,
    input: { expectedLastModifyTime?: string | undefined; comment?: string | undefined },
  ): Promise<StyleDto> {
    const target = bucket(bucketName);
    assertStyleName(name);
    await options.settings.assertDirectWriteAllowed(target.name);
    const version = await versions.get(target.name, name, id);
    if (!version) {
      throw new HttpError(
        "NoSuchVersion",
        `Style "${name}" of bucket "${target.name}" has no version ${id}.`,
      );
    }
    const expected = input.expectedLastModifyTime;
    const { style } = await writer.put({
      target,
      name,
      content: version.content,
      category: version.category || undefined,
      action: "restore",
      actor,
      comment: input.comment ?? `restored version ${id}`,
      check: (current) => {
        if (current && expected === undefined) {
          throw new HttpError(
            "PreconditionRequired",
            `Style "${name}" exists: send \`expectedLastModifyTime\` (the lastModifyTime you see) to replace it.`,
            { details: { current: toStyleDto(current) } },
          );
        }
        if (!current && expected !== undefined) {
          throw new HttpError("StyleChanged", `Style "${name}" was deleted since you loaded it.`, {
            details: { current: null },
          });
        }
        if (
          current &&
          expected !== undefined &&
          new Date(expected).getTime() !== current.lastModifyTime.getTime()
        ) {
          throw new HttpError(
            "StyleChanged",
            `Style "${name}" was changed by someone else since you loaded it.`,
            {
              details: { current: toStyleDto(current) },
            },
          );
        }
      },
    });
    return toStyleDto(style);
  }

  async function deleted(bucketName: string): Promise<DeletedStyleDto[]> {
    const target = bucket(bucketName);
    // A listing first: it records deletes made outside the console, and drops styles recreated since.
    await observer.listed(target, await target.styles.list());
    return versions.deleted(target.name);
  }

  /** The bucket's name when this console manages it (404 `UnknownBucket` otherwise). */
  const bucketName = (name: string) => bucket(name).name;

  return { observer, versions: versionsOf, restore, deleted, bucketName };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
