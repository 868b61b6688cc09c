import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

test("at the style limit, saving says the limit is reached (not that the name exists), and New style says why it is off", async ({
  page,
  consoleErrors,
}) => {
  const bucket = "demo-avatars";
  await signIn(page);
  // Fill the bucket to the emulator's limit (OSS's default, 50), through the real API.
  const limit = 50;
  const prefix = `e2e-limit-${Date.now().toString(36)}`;
  const made: string[] = [];
  try {
    await page.goto(`/buckets/${bucket}/styles/new`);
    const start = (await stylesViaApi(page, bucket)).length;
    for (let i = start; i < limit; i++) {
      const name = `${prefix}-${i}`;
      await createStyleViaApi(page, bucket, name, "image/resize,w_10");
      made.push(name);
    }
    // The editor was opened before the bucket filled up (another tab did it): the server says no.
    await page.getByLabel("Name", { exact: true }).fill(`${prefix}-over`);
    await page.getByLabel("Content").fill("image/resize,w_20");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("StyleLimitReached");
    await expect(page.getByText("A style with this name already exists")).toHaveCount(0);
    expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("409")]);

    await page.goto(`/buckets/${bucket}/styles`);
    const create = page.getByRole("button", { name: "New style" });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription(`This bucket has reached its limit of ${limit} styles.`);
  } finally {
    for (const name of made)
      await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, { headers: browserLikeHeaders });
  }
});

test("keyboard shortcuts: / searches, Esc clears, n opens a new style, ? lists them", async ({ page }) => {
  await signIn(page);
  await page.goto("/buckets/demo-photos/styles");
  await expect(page.getByRole("table")).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search styles" });
  await expect(search).toBeFocused();
  await page.keyboard.type("thumb");
  await expect(page).toHaveURL(/q=thumb/);
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();

  await page.keyboard.press("n");
  await expect(page).toHaveURL("/buckets/demo-photos/styles/new");
  await expect(page.getByRole("heading", { name: "New style" })).toBeVisible();
});

test("a server message reads in Chinese in the Chinese console, with no raw backticks", async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => localStorage.setItem("style-console.locale", "zh-CN"));
  await signIn(page);
  await page.goto("/buckets/not-configured/styles");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("控制台未管理此存储空间。");
  await expect(alert).not.toContainText("`");
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("404")]);
});
