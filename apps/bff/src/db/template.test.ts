import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without types; it exports ensureTemplate(outDir).
import { ensureTemplate } from "../../scripts/pglite-template.mjs";
import { openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { DEFAULT_TEMPLATE_DIR, installedPgliteVersion, seedFromTemplate } from "./template.ts";

const root = mkdtempSync(join(tmpdir(), "sc-template-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeTemplate(name: string, version: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "data", "base"), { recursive: true });
  writeFileSync(join(dir, "data", "PG_VERSION"), "17\n");
  writeFileSync(join(dir, "data", "base", "1"), "catalog");
  writeFileSync(join(dir, "VERSION"), `${version}\n`);
  return dir;
}

describe("seedFromTemplate", () => {
  it("copies the template into a new data directory, and leaves an existing cluster alone", () => {
    const template = fakeTemplate("ok", installedPgliteVersion());
    const dataDir = join(root, "new", "db");
    mkdirSync(join(root, "new"));
    expect(seedFromTemplate(dataDir, template)).toBe("copied");
    expect(readFileSync(join(dataDir, "base", "1"), "utf8")).toBe("catalog");
    writeFileSync(join(dataDir, "base", "1"), "changed");
    expect(seedFromTemplate(dataDir, template)).toBe("existing");
    expect(readFileSync(join(dataDir, "base", "1"), "utf8")).toBe("changed");
  });

  it("takes an empty directory (made by an earlier start) as new", () => {
    const template = fakeTemplate("ok-empty", installedPgliteVersion());
    const dataDir = join(root, "empty");
    mkdirSync(dataDir);
    expect(seedFromTemplate(dataDir, template)).toBe("copied");
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
  });

  it("uses no template of another PGlite version, none missing, and never writes over other files", () => {
    const other = fakeTemplate("other", "0.0.1");
    expect(seedFromTemplate(join(root, "a"), other)).toBe("other-version");
    expect(existsSync(join(root, "a"))).toBe(false);
    expect(seedFromTemplate(join(root, "b"), join(root, "missing"))).toBe("no-template");
    const busy = join(root, "busy");
    mkdirSync(busy);
    writeFileSync(join(busy, "half-initdb"), "x");
    expect(seedFromTemplate(busy, fakeTemplate("ok-busy", installedPgliteVersion()))).toBe("not-empty");
    expect(existsSync(join(busy, "PG_VERSION"))).toBe(false);
  });
});

describe("the real template (scripts/pglite-template.mjs, as pnpm build makes it)", () => {
  it("opens a new data directory as a working, migratable cluster without initdb", async () => {
    await ensureTemplate(DEFAULT_TEMPLATE_DIR);
    const handle = await openDatabase({ dataDir: join(root, "real", "db") });
    try {
      expect(handle.seed).toBe("copied");
      const { applied } = await migrateToLatest(handle.db);
      expect(applied.length).toBeGreaterThan(0);
      await handle.ping();
    } finally {
      await handle.close();
    }
    const again = await openDatabase({ dataDir: join(root, "real", "db") });
    try {
      expect(again.seed).toBe("existing");
      expect((await migrateToLatest(again.db)).applied).toEqual([]);
    } finally {
      await again.close();
    }
  }, 180_000);
});
