import type { AuditEntryDto, AuditPageDto, BucketDto, StyleDto } from "@style-console/contract/dto";
import type { ManagedBucket, UpstreamStyle } from "../buckets/bucket-styles.ts";
import { bucketLookup } from "../buckets/managed-buckets.ts";
import { HttpError } from "../http/error.ts";
import { assertStyleContent, assertStyleName } from "./assert-style.ts";
import { KeyedLock } from "./keyed-lock.ts";

export interface AuditSink {
  append(entry: Omit<AuditEntryDto, "seq">): Promise<AuditEntryDto>;
  page(query: { bucket?: string; style?: string; limit: number; cursor?: number }): Promise<AuditPageDto>;
}

export interface StyleServiceOptions {
  buckets: readonly ManagedBucket[];
  audit: AuditSink;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export const toStyleDto = (style: UpstreamStyle): StyleDto => ({
  name: style.name,
  content: style.content,
  category: style.category,
  createTime: style.createTime.toISOString(),
  lastModifyTime: style.lastModifyTime.toISOString(),
});

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The style operations behind the routes: bucket lookup, OSS-rule validation before any call goes out,
 * check-then-put under a per-style lock (OSS's PutStyle is an upsert with no condition), and one audit
 * record per successful mutation.
 */
export function createStyleService(options: StyleServiceOptions) {
  const { audit } = options;
  const sleep = options.sleep ?? sleepFor;
  const bucket = bucketLookup(options.buckets);
  const lock = new KeyedLock();
  const now = options.now ?? (() => new Date());

  async function existing(target: ManagedBucket, name: string): Promise<UpstreamStyle> {
    const style = await target.styles.get(name);
    if (!style) throw new HttpError("NoSuchStyle", `Bucket "${target.name}" has no style named "${name}".`);
    return style;
  }

  /**
   * Puts and reads back. OSS keeps whole seconds, so a write in the same second as the previous one would
   * leave `lastModifyTime` unchanged and hide it from the editors' conflict check: then wait for the next
   * second and put again (same content, idempotent) so every write through the console gets a new time.
   * A full second from the read-back, not "until the next local second": OSS's clock is not ours.
   */
  async function putAndRead(
    target: ManagedBucket,
    name: string,
    content: string,
    category: string | undefined,
    previous?: UpstreamStyle,
  ) {
    let { requestId } = await target.styles.put(name, content, category);
    let stored = await existing(target, name);
    if (previous && stored.lastModifyTime.getTime() === previous.lastModifyTime.getTime()) {
      await sleep(1000);
      ({ requestId } = await target.styles.put(name, content, category));
      stored = await existing(target, name);
    }
    return { stored, requestId };
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
      const styles = await bucket(bucketName).styles.list();
      return styles.map(toStyleDto).sort((a, b) => a.name.localeCompare(b.name));
    },

    async get(bucketName: string, name: string): Promise<StyleDto> {
      const target = bucket(bucketName);
      assertStyleName(name);
      return toStyleDto(await existing(target, name));
    },

    async create(
      tokenId: string,
      bucketName: string,
      input: { name: string; content: string; category?: string | undefined },
    ) {
      const target = bucket(bucketName);
      assertStyleName(input.name);
      assertStyleContent(input.content);
      return lock.run(`${target.name}/${input.name}`, async () => {
        const current = await target.styles.get(input.name);
        if (current) {
          throw new HttpError(
            "StyleExists",
            `Bucket "${target.name}" already has a style named "${input.name}".`,
            {
              details: { current: toStyleDto(current) },
            },
          );
        }
        const { stored, requestId } = await putAndRead(target, input.name, input.content, input.category);
        await audit.append({
          time: now().toISOString(),
          tokenId,
          bucket: target.name,
          style: input.name,
          action: "create",
          before: null,
          after: { content: stored.content, category: stored.category },
          requestId,
        });
        return toStyleDto(stored);
      });
    },

    async update(
      tokenId: string,
      bucketName: string,
      name: string,
      input: { content: string; category?: string | undefined; expectedLastModifyTime?: string | undefined },
    ) {
      const target = bucket(bucketName);
      assertStyleName(name);
      assertStyleContent(input.content);
      return lock.run(`${target.name}/${name}`, async () => {
        const current = await existing(target, name);
        const expected = input.expectedLastModifyTime;
        if (expected !== undefined && new Date(expected).getTime() !== current.lastModifyTime.getTime()) {
          throw new HttpError(
            "StyleChanged",
            `Style "${name}" was changed by someone else since you opened it.`,
            {
              details: { current: toStyleDto(current) },
            },
          );
        }
        // Keep the category when the editor does not send one (PutStyle would otherwise reset it).
        const category = input.category ?? (current.category || undefined);
        const { stored, requestId } = await putAndRead(target, name, input.content, category, current);
        await audit.append({
          time: now().toISOString(),
          tokenId,
          bucket: target.name,
          style: name,
          action: "update",
          before: { content: current.content, category: current.category },
          after: { content: stored.content, category: stored.category },
          requestId,
        });
        return toStyleDto(stored);
      });
    },

    async remove(tokenId: string, bucketName: string, name: string): Promise<void> {
      const target = bucket(bucketName);
      assertStyleName(name);
      await lock.run(`${target.name}/${name}`, async () => {
        // OSS answers 204 for a missing style too; the console says 404 so a stale list is noticed.
        const current = await existing(target, name);
        const { requestId } = await target.styles.delete(name);
        await audit.append({
          time: now().toISOString(),
          tokenId,
          bucket: target.name,
          style: name,
          action: "delete",
          before: { content: current.content, category: current.category },
          after: null,
          requestId,
        });
      });
    },

    audit: (query: Parameters<AuditSink["page"]>[0]) => audit.page(query),
  };
}

export type StyleService = ReturnType<typeof createStyleService>;
