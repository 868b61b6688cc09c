import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseXml } from "../http/xml.ts";
import { signedRequest, testCredentials } from "../testing/raw.ts";

// Kill -9 the real CLI in the middle of a stream of writes, restart it over the same directory, and
// check that every acknowledged write survived and that nothing half-written is visible.

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
// Six cycles: each restart costs a Node + tsx start-up (about a second), and the kill points vary per cycle.
const cycles = 6;
let dataDir = "";
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function startCli(): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli.ts",
      "--data",
      dataDir,
      "--access-key-id",
      testCredentials.accessKeyId,
      "--access-key-secret",
      testCredentials.accessKeySecret,
      "--bucket",
      "photos",
      "--style-limit",
      "10000",
    ],
    { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, endpoint: match[1] });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`emulator exited (${code}) before it was ready: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

interface Sent {
  readonly kind: "style" | "object";
  readonly name: string;
  /** Style content, or the MD5 of the object body. */
  readonly value: string;
}

const md5 = (b: Uint8Array): string => createHash("md5").update(b).digest("hex").toUpperCase();

/** Writes as fast as it can until the server dies; returns what was sent and what was acknowledged. */
async function writeUntilDeath(endpoint: string, cycle: number): Promise<{ sent: Sent[]; acked: Sent[] }> {
  const sent: Sent[] = [];
  const acked: Sent[] = [];
  const worker = async (lane: number): Promise<void> => {
    for (let i = 0; ; i++) {
      const isStyle = i % 2 === 0;
      const name = `c${cycle}-l${lane}-${i}`;
      const body = isStyle ? undefined : randomBytes(48 * 1024 + i);
      const item: Sent = isStyle
        ? { kind: "style", name, value: `image/resize,w_${i + 1}/quality,q_${(i % 99) + 1}` }
        : { kind: "object", name: `${name}.bin`, value: md5(body ?? new Uint8Array()) };
      sent.push(item);
      try {
        const res = isStyle
          ? await signedRequest(endpoint, {
              method: "PUT",
              bucket: "photos",
              query: [
                ["style", ""],
                ["styleName", name],
              ],
              body: `<Style><Content>${item.value}</Content></Style>`,
              headers: { "Content-Type": "application/xml" },
            })
          : await signedRequest(endpoint, { method: "PUT", bucket: "photos", key: item.name, body });
        if (res.status !== 200) throw new Error(`write refused: ${res.status} ${res.text}`);
        acked.push(item);
      } catch (error) {
        if ((error as Error).message.startsWith("write refused")) throw error;
        return; // The connection died with the server.
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
  return { sent, acked };
}

async function stateOf(
  endpoint: string,
): Promise<{ styles: Map<string, string>; objects: Map<string, string> }> {
  const list = await signedRequest(endpoint, { method: "GET", bucket: "photos", query: [["style", ""]] });
  expect(list.status).toBe(200);
  const entries = (parseXml(list.text)?.StyleList as { Style?: unknown } | undefined)?.Style ?? [];
  const styles = new Map<string, string>();
  for (const s of (Array.isArray(entries) ? entries : [entries]) as Array<{ Name: string; Content: string }>)
    styles.set(s.Name, s.Content);
  const objects = new Map<string, string>();
  let token: string | undefined;
  do {
    const query: Array<[string, string]> = [
      ["list-type", "2"],
      ["max-keys", "1000"],
    ];
    if (token) query.push(["continuation-token", token]);
    const res = await signedRequest(endpoint, { method: "GET", bucket: "photos", query });
    const result = parseXml(res.text)?.ListBucketResult as {
      Contents?: unknown;
      NextContinuationToken?: string;
      IsTruncated: string;
    };
    const contents = result.Contents ?? [];
    for (const c of (Array.isArray(contents) ? contents : [contents]) as Array<{
      Key: string;
      ETag: string;
    }>) {
      objects.set(c.Key, c.ETag.replaceAll('"', ""));
    }
    token = result.IsTruncated === "true" ? result.NextContinuationToken : undefined;
  } while (token);
  return { styles, objects };
}

describe("crash safety", () => {
  it(`keeps every acknowledged write across ${cycles} SIGKILLs during writes, and nothing half-written`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), "oss-emulator-crash-"));
    const allSent = new Map<string, Sent>();
    const allAcked: Sent[] = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      const { child, endpoint } = await startCli();
      const writing = writeUntilDeath(endpoint, cycle);
      await new Promise((r) => setTimeout(r, 80 + ((cycle * 37) % 120)));
      await killed(child);
      const { sent, acked } = await writing;
      for (const s of sent) allSent.set(`${s.kind}:${s.name}`, s);
      allAcked.push(...acked);
    }
    expect(allAcked.length).toBeGreaterThan(cycles);

    const { child, endpoint } = await startCli();
    try {
      const { styles, objects } = await stateOf(endpoint);
      for (const a of allAcked) {
        if (a.kind === "style") expect(styles.get(a.name), a.name).toBe(a.value);
        else expect(objects.get(a.name), a.name).toBe(a.value);
      }
      // Anything present, acknowledged or not, is one complete write: the right content, the right bytes.
      for (const [name, content] of styles) expect(allSent.get(`style:${name}`)?.value).toBe(content);
      for (const [key, etag] of objects) expect(allSent.get(`object:${key}`)?.value).toBe(etag);
      const sample = [...objects.keys()].slice(-5);
      for (const key of sample) {
        const got = await signedRequest(endpoint, { method: "GET", bucket: "photos", key });
        expect(md5(got.body)).toBe(objects.get(key));
      }
    } finally {
      await killed(child);
    }
  }, 120_000);
});
