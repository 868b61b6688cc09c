import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

const bucket = "demo-photos";
const unique = (what: string) => `e2e-${what}-${Date.now().toString(36)}`;

async function axeClean(page: Page, where: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, where).toEqual([]);
}

async function auditOf(page: Page, style: string) {
  const res = await page.request.get(`/api/audit?bucket=${bucket}&style=${style}`);
  expect(res.status()).toBe(200);
  return (await res.json()).entries as Array<{ action: string; comment: string | null }>;
}

test("each style shows a thumbnail on the sample, sized before it loads, and a placeholder when there is none", async ({
  page,
}) => {
  const prefix = unique("thumb");
  await signIn(page);
  await createStyleViaApi(page, bucket, `${prefix}-crop`, "image/crop,w_200,h_100,g_center");
  await createStyleViaApi(page, bucket, `${prefix}-info`, "image/info");
  await page.goto(`/buckets/${bucket}/styles?q=${prefix}`);
  const cropRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `${prefix}-crop` }) });
  const thumb = cropRow.locator("img.thumb");
  await expect(thumb).toHaveAttribute("width", "56");
  await expect(thumb).toHaveAttribute("height", "56");
  await expect(thumb).toHaveAttribute("loading", "lazy");
  // The rendered style: 200×100 cropped from the sample, fitted into the BFF's 128 px box.
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(64);
  const infoRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `${prefix}-info` }) });
  await expect(infoRow.getByTestId("thumb-placeholder")).toBeVisible();

  // Cached by content + sample: a second request for the same content is a hit on the server.
  const src = (await thumb.getAttribute("src")) ?? "";
  const again = await page.request.get(src);
  expect(again.status()).toBe(200);
  expect(again.headers()["x-thumbnail-cache"]).toBe("hit");
  for (const name of [`${prefix}-crop`, `${prefix}-info`])
    await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, { headers: browserLikeHeaders });
});

test("bulk delete: the plan names each selected style, applies with progress, and the styles are restorable", async ({
  page,
}) => {
  const prefix = unique("bulk");
  const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
  await signIn(page);
  for (const name of names) await createStyleViaApi(page, bucket, name, "image/resize,w_64");
  await page.goto(`/buckets/${bucket}/styles?q=${prefix}`);
  await expect(page.getByRole("rowheader")).toHaveCount(3);
  await page.getByRole("checkbox", { name: "Select all shown styles" }).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Delete selected…" }).click();

  const dialog = page.getByRole("dialog", { name: "Delete 3 styles?" });
  await expect(dialog).toBeVisible();
  const plan = dialog.getByRole("table", { name: "Styles to delete" });
  await expect(plan.getByRole("rowheader")).toHaveText(names);
  await expect(dialog).toContainText("A deleted style can be restored from Recently deleted.");
  // Nothing is deleted while the plan is only shown.
  expect((await stylesViaApi(page, bucket)).filter((s) => s.name.startsWith(prefix))).toHaveLength(3);
  await axeClean(page, "bulk delete plan");

  await dialog.getByRole("button", { name: "Delete 3 styles" }).click();
  await expect(dialog.getByRole("status")).toHaveText("3 deleted, 0 kept.");
  await expect(dialog.locator("progress")).toHaveAttribute("value", "3");
  await expect(plan.getByText("Deleted", { exact: true })).toHaveCount(3);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("rowheader")).toHaveCount(0);
  expect((await stylesViaApi(page, bucket)).filter((s) => s.name.startsWith(prefix))).toEqual([]);
  // Each delete went through the audited writer, so each is in history and in "Recently deleted".
  for (const name of names) expect((await auditOf(page, name))[0]?.action).toBe("delete");
  await page.goto(`/buckets/${bucket}/deleted`);
  for (const name of names) await expect(page.getByText(name, { exact: true })).toBeVisible();
});

test("duplicate creates <name>-copy; rename is a copy and a delete recorded as rename", async ({ page }) => {
  const name = unique("dup");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_77");
  await page.goto(`/buckets/${bucket}/styles?q=${name}`);

  await page.getByRole("button", { name: `Duplicate ${name}` }).click();
  const duplicate = page.getByRole("dialog", { name: `Duplicate ${name}` });
  await expect(duplicate.getByLabel("New name")).toHaveValue(`${name}-copy`);
  await duplicate.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("rowheader", { name: `${name}-copy` })).toBeVisible();
  const copy = (await stylesViaApi(page, bucket)).find((s) => s.name === `${name}-copy`);
  expect(copy?.content).toBe("image/resize,w_77");

  await page.getByRole("button", { name: `Rename ${name}-copy` }).click();
  const rename = page.getByRole("dialog", { name: `Rename ${name}-copy` });
  await rename.getByLabel("New name").fill(`${name}-renamed`);
  await axeClean(page, "rename dialog");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("rowheader", { name: `${name}-renamed` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${name}-copy` })).toHaveCount(0);
  expect((await auditOf(page, `${name}-copy`))[0]).toMatchObject({
    action: "rename",
    comment: `renamed to ${name}-renamed`,
  });
  expect((await auditOf(page, `${name}-renamed`))[0]).toMatchObject({
    action: "rename",
    comment: `renamed from ${name}-copy`,
  });
  for (const n of [name, `${name}-renamed`])
    await page.request.delete(`/api/buckets/${bucket}/styles/${n}`, { headers: browserLikeHeaders });
});

test("usage in the list and the delete dialog: a style used this week needs its name typed; unused ones are selected by 'Select unused'", async ({
  page,
}) => {
  const prefix = unique("use");
  const hot = `${prefix}-hot`;
  const cold = `${prefix}-cold`;
  await signIn(page);
  await createStyleViaApi(page, bucket, hot, "image/resize,w_50");
  await createStyleViaApi(page, bucket, cold, "image/resize,w_51");
  // The access logs' index is the usage feature's (and its own tests'); here its answer is fixed, so the
  // list's rules are checked against known dates. Everything else (styles, deletes) is the real stack.
  const day = 86_400_000;
  await page.route(`**/api/buckets/${bucket}/usage?*`, (route) =>
    route.fulfill({
      json: {
        bucket,
        logging: { enabled: true, targetBucket: "demo-logs", targetPrefix: "" },
        scannedThrough: new Date().toISOString(),
        lastScanAt: new Date().toISOString(),
        malformedLines: 0,
        styles: [
          {
            name: hot,
            requests30d: 42,
            bytes30d: 1,
            errors30d: 0,
            lastUsed: new Date(Date.now() - 2 * day).toISOString(),
            daily: [],
          },
          {
            name: cold,
            requests30d: 0,
            bytes30d: 0,
            errors30d: 0,
            lastUsed: new Date(Date.now() - 90 * day).toISOString(),
            daily: [],
          },
        ],
      },
    }),
  );
  await page.goto(`/buckets/${bucket}/styles?q=${prefix}`);
  const hotRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: hot }) });
  await expect(hotRow.getByRole("cell", { name: "42" })).toBeVisible();
  await expect(hotRow.locator("time").first()).toHaveText("2 days ago");

  await page.getByRole("checkbox", { name: "Only styles unused for 30 days" }).check();
  await expect(page).toHaveURL(/unused=true/);
  await expect(page.getByRole("rowheader")).toHaveText([cold]);
  await page.getByRole("checkbox", { name: "Only styles unused for 30 days" }).uncheck();
  await page.getByRole("button", { name: "Select unused" }).click();
  await expect(page.getByRole("checkbox", { name: `Select ${cold}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${hot}` })).not.toBeChecked();

  await hotRow.getByRole("button", { name: `Delete ${hot}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${hot}?` });
  await expect(dialog).toContainText("Used 42 times in the last 30 days; last used 2 days ago.");
  await expect(dialog).toContainText("A deleted style can be restored from Recently deleted.");
  const confirm = dialog.getByRole("button", { name: `Delete ${hot}` });
  await expect(confirm).toBeDisabled();
  await axeClean(page, "delete dialog of a recently used style");
  await dialog.getByLabel(`Type ${hot} to confirm`).fill(hot);
  await confirm.click();
  await expect(page.getByRole("rowheader", { name: hot })).toHaveCount(0);
  // The row leaves at once (optimistic); the server's delete follows.
  await expect.poll(async () => (await stylesViaApi(page, bucket)).some((s) => s.name === hot)).toBe(false);
  await page.request.delete(`/api/buckets/${bucket}/styles/${cold}`, { headers: browserLikeHeaders });
});

test("the list's dialogs read in Chinese and stay axe-clean in the dark theme", async ({
  page,
}, testInfo) => {
  const name = unique("zh");
  await page.addInitScript(() => {
    localStorage.setItem("style-console.locale", "zh-CN");
    localStorage.setItem("style-console.theme", "dark");
  });
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_66");
  await page.goto(`/buckets/${bucket}/styles?q=${name}`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("checkbox", { name: `选择 ${name}` }).check();
  await page.screenshot({ path: testInfo.outputPath("list-zh-dark.png"), fullPage: true });
  await axeClean(page, "list with a selection (zh-CN, dark)");
  await page.getByRole("button", { name: "删除所选…" }).click();
  const plan = page.getByRole("dialog", { name: "删除 1 个样式？" });
  await expect(plan.getByRole("table", { name: "要删除的样式" })).toBeVisible();
  await expect(plan).toContainText("删除的样式可以在“最近删除”中恢复。");
  await axeClean(page, "bulk plan (zh-CN, dark)");
  await plan.getByRole("button", { name: "取消" }).click();
  await page.getByRole("button", { name: `重命名 ${name}` }).click();
  const rename = page.getByRole("dialog", { name: `重命名 ${name}` });
  await expect(rename.getByLabel("新名称")).toHaveValue(name);
  await axeClean(page, "rename dialog (zh-CN, dark)");
  await page.keyboard.press("Escape");
  await expect(rename).toBeHidden();
  // Focus returns to the button that opened the dialog.
  await expect(page.getByRole("button", { name: `重命名 ${name}` })).toBeFocused();
  await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, { headers: browserLikeHeaders });
});
