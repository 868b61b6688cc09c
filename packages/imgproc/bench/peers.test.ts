import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cell, findImageMagick, findPillow, onPath } from "./peers.ts";

// The bench finds its peers on PATH and reports a missing one instead of crashing. These tests build
// PATHs by hand: one with nothing on it, one with stand-ins that are not the real thing, one with
// stand-ins that answer like the real thing.

const dirs: string[] = [];
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "emulator-bench-peers-"));
  dirs.push(dir);
  for (const [name, script] of Object.entries(files)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("bench peers", () => {
  it("a PATH lacking both peers: each is unavailable with a reason that says how to install it", () => {
    const env = { PATH: dirWith({}) };
    const pillow = findPillow(env);
    const magick = findImageMagick(env);
    expect(pillow).toMatchObject({ available: false, reason: expect.stringContaining("no python3 on PATH") });
    expect(magick).toMatchObject({
      available: false,
      reason: expect.stringContaining("no convert or magick"),
    });
    for (const peer of [pillow, magick]) {
      if (!peer.available) expect(peer.reason).toContain("apt-get install python3-pil imagemagick");
    }
    expect(cell(undefined)).toBe("not measured");
  });

  it("stand-ins that are not the real thing are not taken for it", () => {
    const env = {
      PATH: dirWith({
        // The sandbox's own stand-in prints "ImageMagick is not installed here"; no Version line.
        convert: 'echo "convert: ImageMagick is not installed here"; exit 1',
        python3: 'echo "ModuleNotFoundError: No module named PIL" >&2; exit 1',
      }),
    };
    expect(findImageMagick(env)).toMatchObject({
      available: false,
      reason: expect.stringContaining("is not ImageMagick"),
    });
    expect(findPillow(env)).toMatchObject({
      available: false,
      reason: expect.stringContaining("can import PIL"),
    });
  });

  it("takes the first real one in PATH order, skipping the impostors before it", () => {
    const fake = dirWith({ convert: "exit 1", python3: "exit 1" });
    const real = dirWith({
      convert: 'echo "Version: ImageMagick 6.9.11-60 Q16 x86_64"',
      python3: 'echo "10.2.0"',
    });
    const env = { PATH: [fake, real].join(delimiter) };
    expect(onPath("convert", env.PATH)).toEqual([join(fake, "convert"), join(real, "convert")]);
    expect(findImageMagick(env)).toEqual({
      name: "ImageMagick",
      available: true,
      command: join(real, "convert"),
      version: "6.9.11-60",
    });
    expect(findPillow(env)).toEqual({
      name: "Pillow",
      available: true,
      command: join(real, "python3"),
      version: "10.2.0",
    });
  });
});
