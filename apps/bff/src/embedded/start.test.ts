import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { styleNameIssues } from "@style-console/contract/names";
import { createOssClient } from "@style-console/oss";
import { describe, expect, it } from "vitest";
import { checkStyleContent } from "../styles/content-check.ts";
import { DEMO_BUCKETS, DEMO_REGION } from "./demo.ts";
import { startEmbedded } from "./start.ts";

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples");

describe("the demo seed", () => {
  it("holds only styles the console itself would accept, and sample files that exist", () => {
    for (const bucket of DEMO_BUCKETS) {
      for (const style of bucket.styles) {
        expect(styleNameIssues(style.name)).toEqual([]);
        expect(checkStyleContent(style.content), style.content).toMatchObject({ ok: true, errors: [] });
      }
      for (const object of bucket.objects)
        expect(statSync(join(samplesDir, object.file)).size).toBeGreaterThan(1000);
    }
  });
});

describe("startEmbedded", () => {
  it("starts the emulator with a generated key pair (0600), seeds once, and keeps everything across restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sc-embedded-"));
    const first = await startEmbedded({ dataDir, styleLimit: 50, samplesDir });
    let keyFile: { accessKeyId: string; accessKeySecret: string };
    try {
      expect(first.seeded).toBe(true);
      expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const keyPath = join(dataDir, "emulator-key.json");
      expect(statSync(keyPath).mode & 0o777).toBe(0o600);
      keyFile = JSON.parse(readFileSync(keyPath, "utf8"));
      expect(keyFile.accessKeySecret).toBe(first.secret);

      const photos = first.buckets.find((b) => b.name === "demo-photos");
      const names = (await photos?.styles.list())?.map((s) => s.name).sort();
      expect(names).toEqual(DEMO_BUCKETS[0]?.styles.map((s) => s.name).sort());
      // The sample photos went in over the API and come back byte for byte, V4-signed.
      const client = createOssClient({ region: DEMO_REGION, endpoint: first.endpoint, credentials: keyFile });
      const head = await client.headObject("photos/example.jpg", { bucket: "demo-photos" });
      expect(head).toMatchObject({
        contentLength: statSync(join(samplesDir, "image-demo_example.jpg")).size,
      });
      // An operator removes a demo style; a restart must not bring it back.
      await photos?.styles.delete("blur-preview");
    } finally {
      await first.close();
    }

    const second = await startEmbedded({ dataDir, styleLimit: 50, samplesDir });
    try {
      expect(second.seeded).toBe(false);
      expect(second.secret).toBe(keyFile.accessKeySecret);
      const names = (await second.buckets.find((b) => b.name === "demo-photos")?.styles.list())?.map(
        (s) => s.name,
      );
      expect(names).not.toContain("blur-preview");
      expect(names).toContain("thumbnail");
    } finally {
      await second.close();
    }
  });

  it("refuses a key file it did not write instead of silently replacing it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sc-embedded-"));
    writeFileSync(join(dataDir, "emulator-key.json"), '{"nope":true}');
    await expect(startEmbedded({ dataDir, styleLimit: 50, samplesDir })).rejects.toThrow(
      /emulator-key\.json/,
    );
  });
});
