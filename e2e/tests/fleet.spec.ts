import { readFile } from "node:fs/promises";
import { expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

// Issue 12 in a real browser on the embedded default (demo buckets in cn-hangzhou and eu-central-1):
// the fleet matrix, a copy with its plan and progress, and an import of an exported file.

test("the matrix shows drift across regions, filters it, and a cell opens the diff with both previews", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/fleet?reference=demo-photos");
  const matrix = page.getByRole("table", { name: "Styles of every bucket compared with demo-photos" });
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "Region eu-central-1" })).toBeVisible();
  await expect(matrix.getByRole("button", { name: "thumbnail · demo-shop-eu: same" })).toBeVisible();
  await expect(matrix.getByRole("button", { name: "web-webp · demo-shop-eu: differs" })).toBeVisible();
  await expect(matrix.getByRole("button", { name: "watermarked · demo-shop-eu: missing" })).toBeVisible();
  await expect(matrix.getByRole("button", { name: "eu-banner · demo-shop-eu: extra" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search styles" }).fill("web");
  await expect(matrix.getByRole("rowheader")).toHaveText(["web-webp"]);
  await page.getByRole("searchbox", { name: "Search styles" }).fill("");
  await page.getByLabel("Only styles that drift").check();
  await expect(page).toHaveURL(/drift=true/);

  await matrix.getByRole("button", { name: "web-webp · demo-shop-eu: differs" }).click();
  const dialog = page.getByRole("dialog", { name: "web-webp in demo-shop-eu" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("changed").first()).toBeVisible();
  const previews = dialog.getByRole("img");
  await expect(previews).toHaveCount(2);
  for (const img of await previews.all()) {
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
  }
  await dialog.getByLabel("Object key").fill("photos/flowers.jpg");
  await dialog.getByRole("button", { name: "Show URLs" }).click();
  await expect(dialog.getByText(/\?x-oss-process=style%2Fweb-webp$/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: /^Copy Presigned/ })).toBeVisible();
  await page.keyboard.press("Escape");
});

test("copy styles to another region with a plan and a progress bar", async ({ page }) => {
  await signIn(page);
  await page.goto("/fleet?reference=demo-avatars");
  await page.getByRole("button", { name: "Copy styles…" }).click();
  const dialog = page.getByRole("dialog", { name: "Copy styles from demo-avatars" });
  await dialog.getByRole("checkbox", { name: "demo-shop-eu" }).check();
  await dialog.getByRole("button", { name: "Plan" }).click();
  const plan = dialog.getByRole("table", { name: "Plan" });
  // The seeded two are planned as creates; other specs may have added styles to this shared demo
  // bucket, so every planned row is counted rather than assumed.
  const planned = plan.getByRole("rowgroup").nth(1).getByRole("row");
  await expect(planned.filter({ hasText: "avatar-circle" })).toContainText("create");
  await expect(planned.filter({ hasText: "avatar-small" })).toContainText("create");
  const writes = await planned.count();
  await expect(dialog.getByRole("button", { name: `Apply (${writes} writes)` })).toBeVisible();
  await dialog.getByRole("button", { name: /^Apply/ }).click();
  await expect(dialog.getByRole("progressbar")).toBeVisible();
  await expect(dialog.getByRole("status")).toContainText("Finished", { timeout: 30_000 });
  await expect(plan.getByRole("row").filter({ hasText: "applied" })).toHaveCount(writes);
  const styles = await stylesViaApi(page, "demo-shop-eu");
  expect(styles.map((s) => s.name)).toEqual(expect.arrayContaining(["avatar-circle", "avatar-small"]));
});

test("import an exported file: the plan first, then the result", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/fleet?reference=demo-photos");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "JSON" }).click();
  const file = testInfo.outputPath("demo-photos-styles.json");
  await (await download).saveAs(file);
  const exported = JSON.parse(await readFile(file, "utf8")) as { format: string; styles: unknown[] };
  expect(exported.format).toBe("style-console/styles");

  await page.getByRole("button", { name: "Import file…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Import styles into/ });
  await dialog.getByLabel("Into bucket").selectOption("demo-avatars");
  await dialog.getByLabel("Exported style file (JSON)").setInputFiles(file);
  const plan = dialog.getByRole("table", { name: "Plan" });
  await expect(plan.getByRole("row")).toHaveCount(exported.styles.length + 1);
  await expect(plan.getByRole("row").filter({ hasText: "create" }).first()).toBeVisible();
  await dialog.getByRole("button", { name: /^Apply/ }).click();
  await expect(plan.getByRole("row").filter({ hasText: "applied" }).first()).toBeVisible();
  await expect(plan.getByRole("row").filter({ hasText: "pending" })).toHaveCount(0);
});
