import { screenshotAtWidths } from "../fixtures/screens.ts";
import { createStyleViaApi, expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

test("create a style, see it listed, edit it through the diff, and delete it", async ({ page }, testInfo) => {
  const name = `e2e-life-${Date.now().toString(36)}`;
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles`);
  await expect(page.getByRole("table")).toBeVisible();
  await screenshotAtWidths(page, testInfo, "list");

  await test.step("create", async () => {
    await page.getByRole("link", { name: "New style" }).click();
    await expect(page.getByRole("heading", { name: "New style" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Content").fill("image/resize,w_320/quality,q_80");
    await expect(page.getByLabel("Content")).toHaveAccessibleDescription("Valid: 2 operations.");
    await screenshotAtWidths(page, testInfo, "editor-new");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
    await expect(page.getByRole("status").filter({ hasText: `Created ${name}.` })).toBeVisible();
  });

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await test.step("listed", async () => {
    await expect(row).toContainText("image/resize,w_320/quality,q_80");
    await page.getByRole("searchbox", { name: "Search styles" }).fill(name);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // header + this one
  });

  await test.step("edit with the diff (Ctrl/Cmd+S)", async () => {
    await page.getByRole("link", { name: `Edit ${name}` }).click();
    const content = page.getByLabel("Content");
    await expect(content).toHaveText("image/resize,w_320/quality,q_80");
    await content.fill("image/resize,w_640/quality,q_80/format,webp");
    await screenshotAtWidths(page, testInfo, "editor-edit");
    await page.keyboard.press("ControlOrMeta+s");
    const review = page.getByRole("dialog", { name: `Review changes to ${name}` });
    await expect(review).toBeVisible();
    const rows = review.getByRole("listitem");
    await expect(rows.filter({ hasText: /^Changed/ })).toContainText("resize,w_320 → resize,w_640");
    await expect(rows.filter({ hasText: /^Added/ })).toContainText("format,webp");
    await expect(rows.filter({ hasText: /^Unchanged/ })).toHaveCount(2); // image, quality,q_80
    await screenshotAtWidths(page, testInfo, "editor-diff");
    await review.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
    await expect(row).toContainText("image/resize,w_640/quality,q_80/format,webp");
    const saved = (await stylesViaApi(page, bucket)).find((s) => s.name === name);
    expect(saved?.content).toBe("image/resize,w_640/quality,q_80/format,webp");
  });

  await test.step("delete", async () => {
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(confirm).toContainText(`style/${name}`);
    await confirm.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: `Deleted ${name}.` })).toBeVisible();
    expect((await stylesViaApi(page, bucket)).map((s) => s.name)).not.toContain(name);
  });
});

test("a delete the server refuses puts the style back and says why", async ({ page, consoleErrors }) => {
  const name = `e2e-keep-${Date.now().toString(36)}`;
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_50");
  // The one thing faked here is OSS failing; the rollback under test is the SPA's own. The answer is
  // held until the test has seen the row leave, so the optimistic step is observed, not raced.
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  // Matched by path alone: the SPA's DELETE may carry a query (`expectedLastModifyTime`).
  await page.route(
    (url) => url.pathname === `/api/buckets/${bucket}/styles/${name}`,
    async (route) => {
      if (route.request().method() !== "DELETE") return route.fallback();
      await answered;
      await route.fulfill({
        status: 503,
        json: { error: { code: "UpstreamBusy", message: "OSS is busy.", requestId: "5F0A1B2C3D4E" } },
      });
    },
  );
  await page.goto(`/buckets/${bucket}/styles`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toBeVisible();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  await expect(row).toHaveCount(0);
  answer();
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: `${name} could not be deleted` })).toContainText(
    "OSS is busy.",
  );
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("503")]);
  expect((await stylesViaApi(page, bucket)).map((s) => s.name)).toContain(name);
});
