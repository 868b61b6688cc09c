import type { BucketDto, StyleDto } from "@style-console/contract/dto";
import type { AuditQuery, AuditStore } from "../audit/store.ts";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import { HttpError } from "../http/error.ts";
import type { Principal } from "../session/principal.ts";
import { assertStyleContent, assertStyleName } from "./assert-style.ts";
import type { StyleWriter } from "./writer.ts";

export interface StyleServiceOptions {
  buckets: readonly ManagedBucket[];
  audit: AuditStore;
  writer: StyleWriter;
  /** What other features (history) hook on reads and writes. */
  hooks?: StyleHooks;
}

/**
 * Hooks other features attach to the style operations, so the styles feature does not import them:
 * history sees every read (to detect changes made outside the console), and a bucket's review policy
 * may refuse direct writes.
 */
export interface StyleHooks {
  /** After a bucket listing, with every style OSS listed. */
  listed?(target: ManagedBucket, styles: readonly UpstreamStyle[]): Promise<void>;
  /** After reading one style (undefined: none of that name). */
  read?(target: ManagedBucket, name: string, style: UpstreamStyle | undefined): Promise<void>;
  /** Before a direct create, update or delete; throws an `HttpError` to refuse it. */
  beforeWrite?(target: ManagedBucket): Promise<void>;
}

export const toStyleDto = (style: UpstreamStyle): StyleDto => ({
  name: style.name,
  content: style.content,
  category: style.category,
  createTime: style.createTime.toISOString(),
  lastModifyTime: style.lastModifyTime.toISOString(),
});

/**
 * The style operations behind the routes: bucket lookup, OSS-rule validation before any call goes out,
 * and every change through the {@link StyleWriter} (serialized per style across replicas, audited ahead).
 */
export function createStyleService(options: StyleServiceOptions) {
  const { audit, writer } = options;
  const hooks = options.hooks ?? {};
  const bucket = bucketLookup(options.buckets);

  async function existing(target: ManagedBucket, name: string): Promise<UpstreamStyle> {
    const style = await target.styles.get(name);
    await hooks.read?.(target, name, style);
    if (!style) throw noSuchStyle(target, name);
    return style;
  }

  return {
    async buckets(): Promise<BucketDto[]> {
      return Promise.all(
        options.buckets.map(async (b) => ({
          name: b.name,
          region: b.region,
          endpoint: b.endpoint,
          styleCount: (await b.styles.list()).length,
          styleLimit: b.styleLimit,
        })),
      );
    },

    async list(bucketName: string): Promise<StyleDto[]> {
      const target = bucket(bucketName);
      const styles = await target.styles.list();
      await hooks.listed?.(target, styles);
      return styles.map(toStyleDto).sort((a, b) => a.name.localeCompare(b.name));
    },

    async get(bucketName: string, name: string): Promise<StyleDto> {
      const target = bucket(bucketName);
      assertStyleName(name);
      return toStyleDto(await existing(target, name));
    },

    async create(
      actor: Principal,
      bucketName: string,
      input: { name: string; content: string; category?: string | undefined },
    ): Promise<StyleDto> {
      const target = bucket(bucketName);
      assertStyleName(input.name);
      assertStyleContent(input.content);
      await hooks.beforeWrite?.(target);
      const { style } = await writer.put({
        target,
        name: input.name,
        content: input.content,
        category: input.category,
        action: "create",
        actor,
        check: (current) => {
          if (!current) return;
          throw new HttpError(
            "StyleExists",
            `Bucket "${target.name}" already has a style named "${input.name}".`,
            { details: { current: toStyleDto(current) } },
          );
        },
      });
      return toStyleDto(style);
    },

    /**
     * Replaces a style's content. The editor must say what it replaces: `expectedLastModifyTime` (409
     * `StyleChanged` when OSS holds another version) or `force: true` (no check; audited as forced).
     * Neither: 428 `PreconditionRequired`.
     */
    async update(
      actor: Principal,
      bucketName: string,
      name: string,
      input: {
        content: string;
        category?: string | undefined;
        expectedLastModifyTime?: string | undefined;
        force?: true | undefined;
      },
    ): Promise<StyleDto> {
      const target = bucket(bucketName);
      assertStyleName(name);
      assertStyleContent(input.content);
      const expected = input.expectedLastModifyTime;
      if (expected === undefined && input.force !== true) {
        throw new HttpError(
          "PreconditionRequired",
          'Say which version you replace: send `expectedLastModifyTime` (the lastModifyTime you loaded), or `"force": true` to overwrite whatever is there.',
        );
      }
      await hooks.beforeWrite?.(target);
      const { style } = await writer.put({
        target,
        name,
        content: input.content,
        category: input.category,
        action: "update",
        actor,
        forced: expected === undefined,
        check: (current) => {
          if (!current) throw noSuchStyle(target, name);
          if (expected !== undefined && new Date(expected).getTime() !== current.lastModifyTime.getTime()) {
            throw new HttpError(
              "StyleChanged",
              `Style "${name}" was changed by someone else since you opened it.`,
              { details: { current: toStyleDto(current) } },
            );
          }
        },
      });
      return toStyleDto(style);
    },

    /**
     * Deletes a style (404 `NoSuchStyle` when missing). With `expectedLastModifyTime`, only that version:
     * 409 `StyleChanged` (with `details.current`) when OSS holds another, so a reviewed plan never deletes
     * a version nobody saw.
     */
    async remove(
      actor: Principal,
      bucketName: string,
      name: string,
      input: { expectedLastModifyTime?: string | undefined } = {},
    ): Promise<void> {
      const target = bucket(bucketName);
      assertStyleName(name);
      await hooks.beforeWrite?.(target);
      // OSS answers 204 for a missing style too; the console says 404 so a stale list is noticed.
      await writer.remove({
        target,
        name,
        action: "delete",
        actor,
        check: (current) => {
          if (!current) throw noSuchStyle(target, name);
          assertVersion(name, current, input.expectedLastModifyTime);
        },
      });
    },

    /**
     * Renames a style: OSS has no rename, so it is a copy under `newName` (PutStyle of what OSS holds now)
     * and a delete of the old name, both audited as `rename` with a comment naming the other side. The
     * caller says which version it renames (`expectedLastModifyTime`: 428 without, 409 when OSS holds
     * another). When the old name cannot be deleted (it changed meanwhile, OSS failed), the copy is deleted
     * again (audited as such) and the error thrown, so a failed rename leaves one style, not two.
     */
    async rename(
      actor: Principal,
      bucketName: string,
      name: string,
      input: { newName: string; expectedLastModifyTime?: string | undefined },
    ): Promise<StyleDto> {
      const target = bucket(bucketName);
      assertStyleName(name);
      assertStyleName(input.newName);
      const expected = input.expectedLastModifyTime;
      if (expected === undefined) {
        throw new HttpError(
          "PreconditionRequired",
          "Say which version you rename: send `expectedLastModifyTime` (the lastModifyTime you see).",
        );
      }
      if (input.newName === name) {
        throw new HttpError("InvalidStyleName", `The new name is the style's name already ("${name}").`);
      }
      await hooks.beforeWrite?.(target);
      const source = await existing(target, name);
      assertVersion(name, source, expected);
      const { style: copy } = await writer.put({
        target,
        name: input.newName,
        content: source.content,
        category: source.category || undefined,
        action: "rename",
        actor,
        comment: `renamed from ${name}`,
        check: (current) => {
          if (!current) return;
          throw new HttpError(
            "StyleExists",
            `Bucket "${target.name}" already has a style named "${input.newName}".`,
            { details: { current: toStyleDto(current) } },
          );
        },
      });
      try {
        await writer.remove({
          target,
          name,
          action: "rename",
          actor,
          comment: `renamed to ${input.newName}`,
          check: (current) => {
            if (!current) throw noSuchStyle(target, name);
            assertVersion(name, current, expected);
          },
        });
      } catch (error) {
        await writer.remove({
          target,
          name: input.newName,
          action: "rename",
          actor,
          comment: `rename of ${name} undone: the old name could not be deleted`,
        });
        throw error;
      }
      return toStyleDto(copy);
    },

    audit: (query: AuditQuery) => audit.page(query),
  };
}

/** 409 `StyleChanged` when `expected` (an ISO time) is given and OSS holds another version. */
function assertVersion(name: string, current: UpstreamStyle, expected: string | undefined): void {
  if (expected === undefined || new Date(expected).getTime() === current.lastModifyTime.getTime()) return;
  throw new HttpError("StyleChanged", `Style "${name}" was changed by someone else since you loaded it.`, {
    details: { current: toStyleDto(current) },
  });
}

function noSuchStyle(target: ManagedBucket, name: string): HttpError {
  return new HttpError("NoSuchStyle", `Bucket "${target.name}" has no style named "${name}".`);
}

export type StyleService = ReturnType<typeof createStyleService>;
