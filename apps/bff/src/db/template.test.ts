import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without types; it exports ensureTemplate(outDir, migrations).
import { ensureTemplate } from "../../scripts/pglite-template.mjs";
import { openDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { DEFAULT_TEMPLATE_DIR, installedPgliteVersion, seedFromTemplate } from "./template.ts";
import { migrateCluster, migrationNames } from "./template-migrate.ts";

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
  const migrations = { names: migrationNames, migrate: migrateCluster };

  it("is looked for in apps/bff/dist, where pnpm build leaves it, from source as from the bundle", () => {
    expect(DEFAULT_TEMPLATE_DIR).toBe(
      fileURLToPath(new URL("../../dist/pglite-template", import.meta.url)).replace(/\/$/, ""),
    );
  });

  it("opens a new data directory as a working cluster with every migration applied, without initdb", async () => {
    // Its own copy: the build may be writing apps/bff/dist at the same time.
    const template = join(root, "real-template");
    await ensureTemplate(template, migrations);
    expect(readFileSync(join(template, "MIGRATIONS"), "utf8").trim().split("\n")).toEqual(migrationNames);
    const handle = await openDatabase({ dataDir: join(root, "real", "db"), templateDir: template });
    try {
      expect(handle.seed).toBe("copied");
      // The build applied them: a first start has nothing left to run.
      expect((await migrateToLatest(handle.db)).applied).toEqual([]);
      await handle.ping();
    } finally {
      await handle.close();
    }
    const again = await openDatabase({ dataDir: join(root, "real", "db"), templateDir: template });
    try {
      expect(again.seed).toBe("existing");
      expect((await migrateToLatest(again.db)).applied).toEqual([]);
    } finally {
      await again.close();
    }
  }, 180_000);

  it("is remade when the migrations change, and kept when nothing changed", async () => {
    const out = join(root, "stamped");
    const applied: string[] = [];
    const first = ["202601010000_a"];
    const record = (names: string[]) => ({
      names,
      migrate: async (dataDir: string) => {
        applied.push(`${names.length}:${existsSync(join(dataDir, "PG_VERSION"))}`);
      },
    });
    expect(await ensureTemplate(out, record(first))).toMatch(/^made for PGlite .*, 1 migrations applied$/);
    expect(await ensureTemplate(out, record(first))).toBe("up to date");
    expect(await ensureTemplate(out, record([...first, "202601020000_b"]))).toMatch(/2 migrations applied$/);
    // Each migrate ran on a cluster initdb had just made, never on the template in place.
    expect(applied).toEqual(["1:true", "2:true"]);
    expect(readFileSync(join(out, "MIGRATIONS"), "utf8")).toBe("202601010000_a\n202601020000_b\n");
  }, 180_000);

  it("leaves no template and no work directory when a migration fails", async () => {
    const out = join(root, "failing");
    const failing = {
      names: ["202601010000_a"],
      migrate: async () => {
        throw new Error("Database migration 202601010000_a failed: boom");
      },
    };
    await expect(ensureTemplate(out, failing)).rejects.toThrow(/202601010000_a failed: boom/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith("failing"))).toEqual([]);
  }, 180_000);
});
