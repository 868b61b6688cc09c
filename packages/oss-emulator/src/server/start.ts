import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { applyFault } from "../faults/apply.ts";
import { createFaultPlan } from "../faults/plan.ts";
import { resolveAddress } from "../http/address.ts";
import { newRequestId, type RequestContext } from "../http/context.ts";
import { isSignatureMismatch, OssError, ossError } from "../http/errors.ts";
import { rawErrorResponse, sendError } from "../http/respond.ts";
import { LoggingConfigStore } from "../logging/config-store.ts";
import { AccessLogRecorder } from "../logging/recorder.ts";
import { PROCESS_MAX_WAIT_MS, ProcessGate, processGate } from "../objects/process-gate.ts";
import { openBuckets } from "../storage/buckets.ts";
import { type EmulatorOptions, resolveOptions } from "./options.ts";
import { type RouteConfig, route } from "./router.ts";

export interface RunningEmulator {
  /** `http://<host>:<port>`, for path-style use or as a client endpoint. */
  readonly endpoint: string;
  readonly port: number;
  /** The buckets served at start-up, by name, with their regions. */
  readonly buckets: ReadonlyArray<{ readonly name: string; readonly region: string }>;
  /** Stops accepting, drops open connections, resolves when the server is closed. */
  /** Delivers pending access logs now (tests; the timer does it every interval); resolves with the keys. */
  readonly flushAccessLogs: () => Promise<string[]>;
  /** Stops accepting, drops open connections, delivers pending access logs, resolves when closed. */
  readonly close: () => Promise<void>;
}

// A log line is one line: control characters (CR, LF, ESC…) in a request target are written as \xHH,
// so no client can forge a line or drive the terminal that shows the log (issue 14).
const printable = (text: string): string =>
  Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c;
  }).join("");

/**
 * Starts an OSS-compatible server over `options.dataDir`.
 *
 * @example
 * const oss = await startEmulator({ dataDir, accessKeyId: "ak", accessKeySecret: "sk", buckets: ["photos"] });
 * // … point a client at oss.endpoint …
 * await oss.close();
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const o = resolveOptions(options);
  const buckets = await openBuckets(o.dataDir, o.buckets, o.region);
  const logging = new LoggingConfigStore(o.dataDir);
  await logging.load(buckets.keys());
  const recorder = new AccessLogRecorder({
    logging,
    buckets,
    intervalSeconds: o.accessLogIntervalSeconds,
    region: o.region,
    ownerKeyId: o.accessKeyId,
    clock: o.clock,
    log: o.log,
  });
  const config: RouteConfig = {
    auth: { credentials: o.credentials, maxSkewMs: o.maxSkewMs },
    buckets,
    defaultRegion: o.region,
    styleLimit: o.styleLimit,
    maxXmlBytes: o.maxXmlBytes,
    maxObjectBytes: o.maxObjectBytes,
    logging,
    processGate: o.processMemory ? new ProcessGate(o.processMemory, PROCESS_MAX_WAIT_MS) : processGate,
  };
  const nextFault = createFaultPlan(o.faults);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const host = req.headers.host ?? "";
    const target = { id: newRequestId(), res, method: req.method ?? "GET", host, clock: o.clock };
    // The access log's view of the request, filled in as it is understood; written once the answer is out.
    const seen = { address: undefined as ReturnType<typeof resolveAddress> | undefined, errorCode: "" };
    res.once("finish", () => {
      if (!seen.address) return;
      const { bucket, key, query } = seen.address;
      const errorCode = seen.errorCode || undefined;
      // Logged times follow the server's clock, which tests may move.
      const at = o.clock().getTime();
      const time = { started: at - (Date.now() - started), finished: at };
      recorder.record({ req, res, requestId: target.id, ...time, bucket, key, query, errorCode });
    });
    try {
      const outcome = await applyFault(nextFault(), req, res);
      if (outcome.type === "reset") {
        req.socket.destroy();
        return;
      }
      if (outcome.type === "error") throw outcome.error;
      const address = resolveAddress(host, req.url ?? "/", o.baseHosts);
      seen.address = address;
      const ctx: RequestContext = { ...target, ...address, req, now: o.clock() };
      try {
        await route(ctx, config);
      } catch (error) {
        // Only the signature can tell ali-oss's sldEnable form (Host names the bucket, path-style path)
        // from a virtual-hosted key that starts with the bucket's name; nothing has run before auth.
        const alternative = address.pathStyle;
        if (!alternative || res.headersSent || !isSignatureMismatch(error)) throw error;
        await route({ ...ctx, ...alternative }, config);
      }
    } catch (error) {
      if (error instanceof OssError) {
        seen.errorCode = error.code;
        sendError(target, error);
      } else {
        o.log?.(`internal error ${target.id}: ${(error as Error)?.stack ?? String(error)}`);
        seen.errorCode = "InternalError";
        sendError(target, ossError("InternalError"));
      }
    } finally {
      // The query is left out: a presigned URL carries its signature there.
      const status = res.headersSent ? String(res.statusCode) : "reset";
      o.log?.(
        `${printable(target.method)} ${printable((req.url ?? "").split("?")[0] ?? "")} ${status} ${Date.now() - started}ms ${target.id}`,
      );
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) {
      const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
      const answer = tooLarge
        ? ossError("InvalidArgument", {
            identity: { status: 431, code: "RequestHeaderFieldsTooLarge" },
            message: "The request headers are too large.",
          })
        : ossError("InvalidArgument", { message: "The request is not valid HTTP/1.1." });
      socket.end(rawErrorResponse(newRequestId(), answer));
    }
    socket.destroy();
  });
  // Slow or stuck clients must not pin the process forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  recorder.start();
  const { port } = server.address() as AddressInfo;
  const hostForUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    endpoint: `http://${hostForUrl}:${port}`,
    port,
    buckets: [...buckets.values()]
      .map((b) => ({ name: b.name, region: b.meta.get().region }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    flushAccessLogs: () => recorder.flush(),
    close: async () => {
      if (config.processGate !== processGate) config.processGate.detach();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await recorder.stop();
    },
  };
}
