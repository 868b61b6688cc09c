import { mkdirSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { AuditEntryDto, AuditPageDto } from "@style-console/contract/dto";
import { z } from "zod";

const version = z.object({ content: z.string(), category: z.string() });

// One line of the log. `v` lets a later step (style history) change the record without guessing.
const recordSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().nonnegative(),
  time: z.string(),
  tokenId: z.string(),
  bucket: z.string(),
  style: z.string(),
  action: z.enum(["create", "update", "delete"]),
  before: version.nullable(),
  after: version.nullable(),
  requestId: z.string().nullable(),
});

export interface AuditQuery {
  bucket?: string;
  style?: string;
  limit: number;
  /** Return entries with `seq` below this (the previous page's `nextCursor`). */
  cursor?: number;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Parses the file's text; a line that is torn (crash mid-append) or otherwise unreadable is skipped. */
function parseLines(text: string): AuditEntryDto[] {
  const entries: AuditEntryDto[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(line));
      if (parsed.success) {
        const { v: _v, ...entry } = parsed.data;
        entries.push(entry);
      }
    } catch {
      // A torn last line after a crash: not JSON. Ignored, never fatal for the lines before it.
    }
  }
  return entries;
}

/**
 * The audit log: one JSON line per successful mutation, appended to `file` and fsynced before the API
 * answers. Crash safety: appends are serialized in this process, and each append starts on a fresh line
 * when the file does not end with one (a torn line from a crash stays a single bad line that readers skip,
 * never glued to the next record). It keeps full contents before and after, so style history and
 * "revert to this version" can be read from it later without another source.
 */
export class AuditLog {
  #queue: Promise<unknown> = Promise.resolve();
  #nextSeq: number | undefined;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /**
   * Appends one record, durably, and returns it with its sequence number.
   * @example
   * await log.append({ time, tokenId, bucket: "b", style: "s", action: "create", before: null, after, requestId });
   */
  append(entry: Omit<AuditEntryDto, "seq">): Promise<AuditEntryDto> {
    const task = this.#queue.then(() => this.#append(entry));
    this.#queue = task.catch(() => undefined);
    return task;
  }

  async #append(entry: Omit<AuditEntryDto, "seq">): Promise<AuditEntryDto> {
    const handle = await open(this.file, "a+");
    try {
      const { size } = await handle.stat();
      let separator = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) separator = "\n";
      }
      this.#nextSeq ??= (await this.#readAll()).reduce((max, e) => Math.max(max, e.seq + 1), 0);
      const record: AuditEntryDto = { seq: this.#nextSeq, ...entry };
      await handle.appendFile(`${separator}${JSON.stringify({ v: 1, ...record })}\n`);
      await handle.sync();
      // The file's first record also created it: sync the directory so the entry itself survives a crash.
      if (size === 0) await syncDirectory(dirname(this.file));
      this.#nextSeq += 1;
      return record;
    } finally {
      await handle.close();
    }
  }

  async #readAll(): Promise<AuditEntryDto[]> {
    try {
      return parseLines(await readFile(this.file, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }

  /**
   * One page of the log, newest first, optionally for one bucket and/or style. Reads the whole file:
   * fine for a console's edit rate (thousands of lines); an index comes with style history if needed.
   * @example
   * await log.page({ bucket: "demo-photos", style: "thumb", limit: 20 }); // { entries, nextCursor }
   */
  async page(query: AuditQuery): Promise<AuditPageDto> {
    await this.#queue;
    const matching = (await this.#readAll())
      .filter((e) => query.bucket === undefined || e.bucket === query.bucket)
      .filter((e) => query.style === undefined || e.style === query.style)
      .filter((e) => query.cursor === undefined || e.seq < query.cursor)
      .sort((a, b) => b.seq - a.seq);
    const entries = matching.slice(0, query.limit);
    const last = entries.at(-1);
    return { entries, nextCursor: matching.length > query.limit && last ? last.seq : null };
  }
}
