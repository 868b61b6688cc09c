import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// The official SDK vectors, replayed as real requests: the emulator must accept the signatures that
// Alibaba's own SDK tests assert, and refuse them once one byte changes.

interface Vector {
  id: string;
  mode: string;
  inputs: {
    access_key_id: string;
    access_key_secret: string;
    security_token: string | null;
    region: string;
    product: string;
    method: string;
    bucket: string | null;
    key: string | null;
    query_params: Array<[string, string]>;
    request_headers: Record<string, string>;
    signing_time_unix?: number;
  };
  expected: Record<string, string | null>;
}

const file = JSON.parse(readFileSync(new URL("./fixtures/v4-vectors.json", import.meta.url), "utf8")) as {
  vectors: Vector[];
};
const usable = file.vectors.filter(
  (v) => v.inputs.product === "oss" && v.inputs.bucket && v.inputs.signing_time_unix !== undefined,
);
const headerVectors = usable.filter((v) => v.mode === "authorization-header");
const presignVectors = usable.filter((v) => v.mode === "presigned-url");

const encode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const isoOf = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

let now = new Date();
const emulators = new Map<string, TestEmulator>();
beforeAll(async () => {
  // One emulator per key pair: with a token configured, the same key id would refuse token-less requests.
  for (const v of usable) {
    const id = `${v.inputs.access_key_id}|${v.inputs.security_token ?? ""}`;
    if (emulators.has(id)) continue;
    emulators.set(
      id,
      await startTestEmulator({
        accessKeyId: "unused",
        accessKeySecret: "unused",
        extraCredentials: [
          {
            accessKeyId: v.inputs.access_key_id,
            accessKeySecret: v.inputs.access_key_secret,
            securityToken: v.inputs.security_token ?? undefined,
          },
        ],
        region: v.inputs.region,
        buckets: [v.inputs.bucket ?? ""],
        clock: () => now,
      }),
    );
  }
});
afterAll(async () => {
  for (const emu of emulators.values()) await emu.dispose();
});

function emulatorFor(v: Vector): TestEmulator {
  const emu = emulators.get(`${v.inputs.access_key_id}|${v.inputs.security_token ?? ""}`);
  if (!emu) throw new Error(`no emulator for ${v.id}`);
  return emu;
}

describe("official header-mode vectors", () => {
  it("has vectors to replay", () => expect(headerVectors.length).toBeGreaterThan(0));

  for (const v of headerVectors) {
    it(`accepts ${v.id} and refuses it with one byte changed`, async () => {
      const time = new Date((v.inputs.signing_time_unix ?? 0) * 1000);
      now = new Date(time.getTime() + 5_000);
      const query = v.inputs.query_params
        .map(([n, val]) => (val ? `${encode(n)}=${encode(val)}` : encode(n)))
        .join("&");
      const path = `/${v.inputs.bucket}/${encode(v.inputs.key ?? "")}?${query}`;
      const headers: Record<string, string> = {
        ...v.inputs.request_headers,
        "x-oss-date": isoOf(time),
        Date: time.toUTCString(),
        "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
        Authorization: v.expected.authorization ?? "",
      };
      if (v.inputs.security_token) headers["x-oss-security-token"] = v.inputs.security_token;
      const ok = await rawRequest(emulatorFor(v).endpoint, {
        method: v.inputs.method,
        path,
        headers,
        body: "x",
      });
      expect(ok.status, ok.text).toBe(200);
      const bad = {
        ...headers,
        Authorization: (headers.Authorization ?? "").replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      };
      const refused = await rawRequest(emulatorFor(v).endpoint, {
        method: v.inputs.method,
        path,
        headers: bad,
        body: "x",
      });
      expect(refused.status).toBe(403);
    });
  }
});

describe("official presigned-URL vectors (the Go v1 SDK's URLs, virtual-hosted)", () => {
  it("has vectors to replay", () => expect(presignVectors.length).toBeGreaterThan(0));

  for (const v of presignVectors) {
    it(`accepts ${v.id} and refuses it once expired`, async () => {
      const time = new Date((v.inputs.signing_time_unix ?? 0) * 1000);
      const url = new URL(v.expected.url_from_go_v1_sdk ?? "");
      const path = url.pathname + url.search;
      const headers = { ...v.inputs.request_headers, Host: `${v.inputs.bucket}.localhost` };
      now = new Date(time.getTime() + 5_000);
      const ok = await rawRequest(emulatorFor(v).endpoint, {
        method: v.inputs.method,
        path,
        headers,
        body: "x",
      });
      expect(ok.status, ok.text).toBe(200);
      now = new Date(time.getTime() + (Number(v.expected["x-oss-expires"]) + 1) * 1000);
      const late = await rawRequest(emulatorFor(v).endpoint, {
        method: v.inputs.method,
        path,
        headers,
        body: "x",
      });
      expect(late.status).toBe(403);
    });
  }
});
