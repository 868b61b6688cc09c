import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type AccessLogRecord,
  accessLogObjectName,
  logHourStart,
  serializeAccessLogRecord,
} from "@style-console/oss/access-log";
import type { Bucket } from "../storage/buckets.ts";
import type { LoggingConfigStore } from "./config-store.ts";
import { logOperation } from "./operation.ts";

/**
 * Access logging as OSS delivers it (reference §2): while a bucket's logging is on, every request it
 * served is kept as one line of the documented format (`@style-console/oss/access-log`, the one home of
 * the format) and, every `intervalSeconds`, written as log objects named `<prefix><bucket>YYYY-mm-DD-HH-00-00-NNNN`
 * into the target bucket — one object per source bucket and hour per delivery. OSS delivers hourly; a
 * shorter interval only adds objects with a higher unique suffix. Requests cut off before their answer
 * was sent are not logged (§2.2).
 */

/** What the server knows about a request once its answer has gone out. */
export interface ServedRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly requestId: string;
  /** Arrival and completion, epoch ms. */
  readonly started: number;
  readonly finished: number;
  readonly bucket: string | undefined;
  readonly key: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** The OSS error Code answered, if any. */
  readonly errorCode: string | undefined;
}

export interface RecorderOptions {
  readonly logging: LoggingConfigStore;
  readonly buckets: ReadonlyMap<string, Bucket>;
  readonly intervalSeconds: number;
  readonly region: string;
  /** The main access key id: the account the emulator pretends every bucket belongs to. */
  readonly ownerKeyId: string;
  readonly clock: () => Date;
  readonly log?: ((line: string) => void) | undefined;
}

// Lines a bucket may hold in memory before a delivery is forced (bounded memory under load).
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

function numberHeader(res: ServerResponse, name: string): number | null {
  const value = Number(res.getHeader(name));
  return Number.isFinite(value) ? value : null;
}

/** The key id a request was signed with (header or presigned URL), or null for an anonymous one. */
function accessKeyIdOf(req: IncomingMessage, query: ReadonlyArray<readonly [string, string]>): string | null {
  const auth = header(req, "authorization");
  const fromHeader = auth ? /Credential=([^/,\s]+)\//.exec(auth)?.[1] : undefined;
  const fromQuery = query.find(([n]) => n === "x-oss-credential")?.[1]?.split("/")[0];
  return fromHeader ?? fromQuery ?? null;
}

function requestLength(req: IncomingMessage): number {
  let n = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n\r\n`.length;
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    n += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
  return n + (Number(req.headers["content-length"]) || 0);
}

export class AccessLogRecorder {
  readonly #o: RecorderOptions;
  readonly #ownerId: string;
  /** source bucket → hour start → lines */
  readonly #pending = new Map<string, Map<number, string[]>>();
  readonly #pendingBytes = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #delivering: Promise<string[]> = Promise.resolve([]);

  constructor(options: RecorderOptions) {
    this.#o = options;
    // A stable 16-digit account id derived from the key, shaped like OSS's UserID (§2.3 field 22).
    const hex = createHash("sha256").update(options.ownerKeyId).digest("hex").slice(0, 13);
    this.#ownerId = String(1e15 + (Number.parseInt(hex, 16) % 9e15));
  }

  /** Starts the delivery timer (it does not keep the process alive). */
  start(): void {
    this.#timer = setInterval(() => void this.flush(), this.#o.intervalSeconds * 1000);
    this.#timer.unref();
  }

  /**
   * Keeps a served request's line when its bucket has logging on. Synchronous and cheap: one line of text.
   *
   * @example
   * res.once("finish", () => recorder.record(served));
   */
  record(served: ServedRequest): void {
    if (served.bucket === undefined || !this.#o.logging.get(served.bucket)) return;
    const line = serializeAccessLogRecord(this.#toRecord(served, served.bucket));
    const hour = logHourStart(served.started);
    const byHour = this.#pending.get(served.bucket) ?? new Map<number, string[]>();
    this.#pending.set(served.bucket, byHour);
    const lines = byHour.get(hour) ?? [];
    byHour.set(hour, lines);
    lines.push(line);
    const bytes = (this.#pendingBytes.get(served.bucket) ?? 0) + line.length + 1;
    this.#pendingBytes.set(served.bucket, bytes);
    if (bytes > MAX_PENDING_BYTES) void this.flush();
  }

  /**
   * Delivers everything pending now; resolves with the names of the objects written. Deliveries run one
   * at a time; a target bucket that has gone loses its lines (OSS cannot deliver either).
   *
   * @example
   * const written = await recorder.flush(); // ["log/photos2026-11-29-10-00-00-0000"]
   */
  flush(): Promise<string[]> {
    const pending = new Map(this.#pending);
    this.#pending.clear();
    this.#pendingBytes.clear();
    this.#delivering = this.#delivering.then(() => this.#deliver(pending));
    return this.#delivering;
  }

  /** Stops the timer and delivers what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  async #deliver(pending: Map<string, Map<number, string[]>>): Promise<string[]> {
    const written: string[] = [];
    for (const [source, byHour] of pending) {
      const config = this.#o.logging.get(source);
      const target = config ? this.#o.buckets.get(config.targetBucket) : undefined;
      if (!config || !target) {
        this.#o.log?.(`access log of ${source}: no target bucket any more, ${byHour.size} hour(s) dropped`);
        continue;
      }
      for (const [hour, lines] of [...byHour].sort(([a], [b]) => a - b)) {
        let unique = 0;
        while (target.objects.head(accessLogObjectName(config.targetPrefix, source, hour, unique))) unique++;
        const key = accessLogObjectName(config.targetPrefix, source, hour, unique);
        const body = Buffer.from(`${lines.join("\n")}\n`, "utf8");
        try {
          await target.objects.put(
            { key, contentType: "text/plain", userMeta: {}, feed: (sink) => sink(body) },
            this.#o.clock(),
          );
          written.push(key);
        } catch (error) {
          this.#o.log?.(`access log ${key} not written: ${(error as Error).message}`);
        }
      }
    }
    return written;
  }

  #toRecord(s: ServedRequest, bucket: string): AccessLogRecord {
    const { req, res } = s;
    const method = req.method ?? "GET";
    const ok = res.statusCode < 300;
    const bodyless = method === "HEAD" || res.statusCode === 304 || res.statusCode === 204;
    const processed = s.query.some(([n]) => n === "x-oss-process");
    const objectLevel = s.key !== "";
    const total = /\/(\d+)$/.exec(String(res.getHeader("content-range") ?? ""))?.[1];
    const objectSize =
      !objectLevel || !ok || processed
        ? null
        : method === "PUT"
          ? Number(req.headers["content-length"]) || 0
          : total !== undefined
            ? Number(total)
            : numberHeader(res, "content-length");
    const accessKeyId = accessKeyIdOf(req, s.query);
    const ms = Math.max(0, s.finished - s.started);
    return {
      RemoteIP: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "") || null,
      Time: s.started,
      RequestURL: `${method} ${req.url ?? "/"} HTTP/${req.httpVersion}`,
      HTTPStatus: res.statusCode,
      SentBytes: bodyless ? 0 : (numberHeader(res, "content-length") ?? 0),
      RequestTime: ms,
      Referer: header(req, "referer"),
      UserAgent: header(req, "user-agent"),
      HostName: header(req, "host"),
      RequestID: s.requestId,
      LoggingFlag: "true",
      RequesterAliyunID: accessKeyId ? this.#ownerId : null,
      Operation: logOperation(method, s.key, s.query),
      BucketName: bucket,
      ObjectName: objectLevel ? s.key : null,
      ObjectSize: objectSize,
      ServerCostTime: ms,
      ErrorCode: s.errorCode ?? null,
      RequestLength: requestLength(req),
      UserID: this.#ownerId,
      DeltaDataSize: objectLevel && method === "PUT" && ok ? objectSize : null,
      SyncRequest: null,
      StorageClass: objectLevel && ok ? "Standard" : null,
      TargetStorageClass: null,
      TransmissionAccelerationAccessPoint: null,
      AccessKeyID: accessKeyId,
      BucketARN: `acs:oss:${this.#o.region}:${this.#ownerId}:${bucket}`,
      extra: [],
    };
  }
}
