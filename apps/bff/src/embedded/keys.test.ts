import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateKeyPair } from "./keys.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "sc-keys-"));

describe("loadOrCreateKeyPair", () => {
  it("creates an owner-only pair once and reuses it, leaving no temporary file", () => {
    const dir = fresh();
    const file = join(dir, "emulator-key.json");
    const first = loadOrCreateKeyPair(file);
    expect(first.accessKeySecret.length).toBeGreaterThanOrEqual(16);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyPair(file)).toEqual(first);
    expect(readdirSync(dir)).toEqual(["emulator-key.json"]);
  });

  it.each([
    ["empty (a crash before the old code's write reached the disk)", ""],
    ["not JSON", "{"],
    ["the wrong shape", '{"accessKeyId":"x"}'],
  ])("refuses a file that is %s with a message saying what to do", (_, text) => {
    const file = join(fresh(), "emulator-key.json");
    writeFileSync(file, text);
    expect(() => loadOrCreateKeyPair(file)).toThrow(/is not a key pair written by the console; delete it/);
  });
});
