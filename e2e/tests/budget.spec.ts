import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { expect, signIn, test } from "../fixtures/test.ts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "apps", "web", "dist");
const KB = 1024;

/**
 * The list page's initial JavaScript, gzipped, stays within 150 KB (issue 16): every script the browser
 * fetched to show the list, measured on the built files. The editor's chunks are measured and reported.
 */
test("the list page's initial JavaScript is at most 150 KB gzipped", async ({ page }, testInfo) => {
  const scripts = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  await signIn(page);
  await page.goto("/buckets/demo-photos/styles");
  await expect(page.getByRole("table")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const gz = (path: string) => gzipSync(readFileSync(join(dist, path))).length;
  const listFiles = [...scripts];
  const list = listFiles.reduce((sum, path) => sum + gz(path), 0);

  await page.goto("/buckets/demo-photos/styles/new");
  await expect(page.getByLabel("Content")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const editorFiles = [...scripts].filter((path) => !listFiles.includes(path));
  const editor = editorFiles.reduce((sum, path) => sum + gz(path), 0);

  const report = {
    listInitialKBGzip: +(list / KB).toFixed(1),
    listFiles,
    editorChunksKBGzip: +(editor / KB).toFixed(1),
    editorFiles: Object.fromEntries(editorFiles.map((f) => [f, +(gz(f) / KB).toFixed(1)])),
  };
  await testInfo.attach("bundle.json", {
    body: JSON.stringify(report, null, 2),
    contentType: "application/json",
  });
  console.log(JSON.stringify(report));
  expect(editorFiles.length, "the editor loads chunks of its own").toBeGreaterThan(0);
  expect(list, `list page initial JS ${report.listInitialKBGzip} KB gzipped`).toBeLessThanOrEqual(150 * KB);
});
