import { expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

test.beforeEach(async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await expect(page.getByLabel("Content")).toBeVisible();
});

test("a diagnostic sits under w_abc, with its message on hover and in the field's description", async ({
  page,
}) => {
  const content = page.getByLabel("Content");
  await content.fill("image/resize,w_abc");
  const range = page.locator(".cm-lintRange-error");
  await expect(range).toHaveText("abc");
  await expect(page.locator(".cm-gutter-lint .cm-lint-marker-error")).toHaveCount(1);
  await range.hover();
  const tooltip = page.locator(".cm-tooltip-lint");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("abc");
  await expect(content).toHaveAccessibleDescription(/^Position 16: .*abc/);
});

test("the diagnostic speaks the console's language", async ({ page }) => {
  await page.evaluate(() => localStorage.setItem("style-console.locale", "zh-CN"));
  await page.reload();
  const content = page.getByLabel("内容");
  await content.fill("image/resize,w_abc");
  await page.locator(".cm-lintRange-error").hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText(/[\u4e00-\u9fff]/);
});

test("completion after image/ offers the actions with their help, and the parameters with their range", async ({
  page,
}) => {
  const content = page.getByLabel("Content");
  await content.click();
  await page.keyboard.type("image/");
  const list = page.locator(".cm-tooltip-autocomplete");
  await expect(list).toBeVisible();
  await expect(list.getByRole("option", { name: /^resize/ })).toBeVisible();
  // Enter takes the option selected when it is pressed: wait until the list has caught up with the
  // typing (on a loaded machine it lags a keystroke, and Enter then took nothing).
  const selected = (name: RegExp) => list.getByRole("option", { name, selected: true });
  await page.keyboard.type("resi");
  await expect(selected(/^resize/)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(content).toHaveText("image/resize");
  await page.keyboard.type(",");
  await expect(list.getByRole("option", { name: /^w\s*1–16384/ })).toBeVisible();
  await page.keyboard.type("m");
  await expect(selected(/^m\s*lfit/)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(content).toHaveText("image/resize,m_");
  await expect(list.getByRole("option", { name: "lfit" })).toBeVisible();
});

test("hovering an action or a parameter shows the catalogue's help", async ({ page }) => {
  const content = page.getByLabel("Content");
  await content.fill("image/resize,w_200");
  await page.locator(".tok-action", { hasText: "resize" }).hover();
  await expect(page.locator(".cm-help")).toContainText("resize:");
  await page.mouse.move(0, 0);
  await page.locator(".tok-key", { hasText: "w" }).hover();
  await expect(page.locator(".cm-help")).toContainText("1–16384");
});

async function paste(page: import("@playwright/test").Page, text: string) {
  await page.getByLabel("Content").evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("pasting a full OSS URL keeps its style chain and says so, with the way back", async ({ page }) => {
  const content = page.getByLabel("Content");
  await content.click();
  const url =
    "https://demo-photos.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-process=image/resize,w_200/quality,q_80";
  await paste(page, url);
  await expect(content).toHaveText("image/resize,w_200/quality,q_80");
  await expect(content).toHaveAccessibleDescription("Valid: 2 operations.");
  const notice = page.getByRole("status").filter({ hasText: "full image URL" });
  await expect(notice).toBeVisible();
  await expect(page.getByText(/parseProcess|internal/i)).toHaveCount(0);
  await notice.getByRole("button", { name: "Paste the whole URL instead" }).click();
  await expect(content).toHaveText(url);
});

test("leading and trailing whitespace and line breaks never make the content invalid", async ({ page }) => {
  const content = page.getByLabel("Content");
  await content.click();
  await paste(page, "  image/resize,w_200\n");
  await expect(content).toHaveText("image/resize,w_200");
  await page.keyboard.press("Home");
  await page.keyboard.type(" ");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await expect(content).toHaveAccessibleDescription("Valid: 1 operation.");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);
});

test("an empty content's message names only what can be saved", async ({ page }) => {
  await page.getByLabel("Name", { exact: true }).fill("empty-e2e");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const content = page.getByLabel("Content");
  await expect(content).toHaveAccessibleDescription(/image\/…/);
  await expect(content).not.toHaveAccessibleDescription(/style\/|img\//);
});
