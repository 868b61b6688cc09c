import { mkdtemp, rm } from "node:fs/promises";
import { type IncomingHttpHeaders, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Credentials, percentEncode, signRequest, wireQuery } from "@style-console/oss/signer";
import { parseXml } from "../http/xml.ts";
import type { EmulatorOptions } from "../server/options.ts";
import { type RunningEmulator, startEmulator } from "../server/start.ts";

/**
 * Test support: raw HTTP over node:http (so tests control every header, Host included) and requests
 * signed by the project's signer. The emulator under test is always the real server on loopback.
 */

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

export interface RawRequest {
  readonly method: string;
  /** Path and query exactly as sent on the wire. */
  readonly path: string;
  readonly headers?: Record<string, string> | undefined;
  readonly body?: Uint8Array | string | undefined;
}

/**
 * Sends one request and collects the whole response.
 *
 * @example
 * const res = await rawRequest(emu.endpoint, { method: "GET", path: "/photos/?style" });
 */
export function rawRequest(endpoint: string, spec: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end(spec.body);
  });
}

export const testCredentials: Credentials = { accessKeyId: "test-ak", accessKeySecret: "test-secret" };

export interface SignedSpec {
  readonly method: string;
  readonly bucket?: string | undefined;
  readonly key?: string | undefined;
  readonly query?: Array<[string, string]> | undefined;
  readonly headers?: Record<string, string> | undefined;
  readonly body?: Uint8Array | string | undefined;
  readonly credentials?: Credentials | undefined;
  readonly region?: string | undefined;
  readonly date?: Date | undefined;
  readonly additionalHeaders?: string[] | undefined;
  /** Edits the signed request just before it is sent (tampering tests). */
  readonly tamper?: (r: { path: string; headers: Record<string, string> }) => void;
}

/**
 * Path-style wire path for a bucket, key and query.
 *
 * @example
 * wirePath("photos", "a b.jpg", [["x-oss-process", "style/t"]]); // "/photos/a%20b.jpg?x-oss-process=style%2Ft"
 */
export function wirePath(
  bucket: string | undefined,
  key: string | undefined,
  query: Array<[string, string]> = [],
): string {
  const base = bucket ? `/${bucket}/${key ? percentEncode(key, true) : ""}` : "/";
  return query.length ? `${base}?${wireQuery(query)}` : base;
}

/**
 * Signs (header mode) and sends a request; returns the response and what the client signed.
 *
 * @example
 * const res = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", query: [["style", ""]] });
 */
export async function signedRequest(
  endpoint: string,
  spec: SignedSpec,
): Promise<RawResponse & { stringToSign: string; canonicalRequest: string }> {
  const body = typeof spec.body === "string" ? Buffer.from(spec.body, "utf8") : spec.body;
  const headers: Record<string, string> = { ...spec.headers };
  if (body) headers["Content-Length"] = String(body.length);
  const signed = signRequest(
    {
      method: spec.method,
      bucket: spec.bucket,
      key: spec.key,
      query: spec.query,
      headers,
      additionalHeaders: spec.additionalHeaders,
    },
    {
      credentials: spec.credentials ?? testCredentials,
      region: spec.region ?? "cn-hangzhou",
      date: spec.date ?? new Date(),
    },
  );
  const wire = {
    path: wirePath(spec.bucket, spec.key, spec.query),
    headers: { ...headers, ...signed.headers },
  };
  spec.tamper?.(wire);
  const res = await rawRequest(endpoint, {
    method: spec.method,
    path: wire.path,
    headers: wire.headers,
    body,
  });
  return { ...res, stringToSign: signed.stringToSign, canonicalRequest: signed.canonicalRequest };
}

/**
 * The children of an `<Error>` body as strings.
 *
 * @example
 * errorOf(res).Code; // "NoSuchKey"
 */
export function errorOf(res: RawResponse): Record<string, string> {
  const doc = parseXml(res.text);
  const error = doc?.Error;
  if (typeof error !== "object" || error === null)
    throw new Error(`not an <Error> body (status ${res.status}): ${res.text.slice(0, 200)}`);
  return Object.fromEntries(Object.entries(error).map(([k, v]) => [k, String(v)]));
}

export interface TestEmulator extends RunningEmulator {
  readonly dataDir: string;
  /** Closes the server and deletes its data directory. */
  readonly dispose: () => Promise<void>;
}

/**
 * Starts an emulator over a fresh temporary directory with the test credentials.
 *
 * @example
 * const emu = await startTestEmulator({ buckets: ["photos"] }); … await emu.dispose();
 */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "oss-emulator-")));
  const running = await startEmulator({
    accessKeyId: testCredentials.accessKeyId,
    accessKeySecret: testCredentials.accessKeySecret,
    buckets: ["photos"],
    ...options,
    dataDir,
  });
  return {
    ...running,
    dataDir,
    dispose: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
