import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { adminToken, emulatorKeys } from "../fixtures/stack.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "apps", "web", "dist");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the built SPA holds no credential", async ({ page }) => {
  // Sign in first so the stack has certainly written its key pair; the fixture also checks this page's
  // API responses for the same secrets.
  await signIn(page);
  await page.goto("/");
  await expect(page.getByRole("table")).toBeVisible();
  const keys = emulatorKeys();
  if (!keys) throw new Error("the embedded default wrote no key pair");
  const files = filesUnder(dist);
  expect(files.some((f) => f.endsWith("index.html"))).toBe(true);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const secret of [keys.accessKeySecret, keys.accessKeyId, adminToken])
      expect(text.includes(secret), `${file} contains a credential`).toBe(false);
  }
});
