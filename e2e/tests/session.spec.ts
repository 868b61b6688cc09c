import type { Page } from "@playwright/test";
import { adminToken } from "../fixtures/stack.ts";
import { chooseLanguage, expect, openPersonMenu, signIn, test } from "../fixtures/test.ts";

const firstBucket = "demo-photos";

/** The bootstrap admin token's form is folded under the username/password one. */
async function signInWithToken(page: Page, token: string) {
  const reveal = page.getByRole("button", { name: "Sign in with the admin token instead" });
  const field = page.getByLabel("Admin token");
  // Wait for the sign-in page to render before asking whether the token form is folded: `isVisible`
  // does not wait, so on a slow first paint it saw no button and the folded field never came.
  await expect(reveal.or(field).first()).toBeVisible();
  if (await reveal.isVisible()) await reveal.click();
  await field.fill(token);
  await page.getByRole("button", { name: "Sign in with token" }).click();
}

test("signs in with the admin token, opens the first bucket's seeded styles, and signs out", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in to Style Console" })).toBeVisible();

  await signInWithToken(page, "certainly-not-the-admin-token");
  await expect(page.getByRole("alert")).toContainText("That admin token is not right.");

  await signInWithToken(page, adminToken);
  await expect(page).toHaveURL(`/buckets/${firstBucket}/styles`);
  const table = page.getByRole("table", { name: `Styles of ${firstBucket}` });
  for (const seeded of ["thumbnail", "web-webp", "watermarked"])
    await expect(table.getByRole("rowheader", { name: seeded, exact: true })).toBeVisible();
  await expect(page.getByText(/^\d+ of 50 styles$/)).toBeVisible();

  await openPersonMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Style Console" })).toBeVisible();
  expect((await page.request.get("/api/buckets")).status()).toBe(401);
});

test("the one-click link signs in and takes the token out of the address bar", async ({ page }) => {
  await page.goto(`/#token=${encodeURIComponent(adminToken)}`);
  await expect(page.getByRole("table", { name: `Styles of ${firstBucket}` })).toBeVisible();
  expect(page.url()).not.toContain(adminToken);
  expect(await page.evaluate(() => window.location.hash)).toBe("");
  // Back must not bring the token back either: its history entry was replaced, not kept.
  await page.goBack();
  expect(page.url()).not.toContain(adminToken);
});

test("remembers the bucket picked in the header", async ({ page }) => {
  await signIn(page);
  await page.goto("/");
  await expect(page).toHaveURL(`/buckets/${firstBucket}/styles`);
  await page.getByRole("combobox", { name: "Bucket" }).selectOption("demo-avatars");
  await expect(page).toHaveURL("/buckets/demo-avatars/styles");
  await expect(page.getByRole("table", { name: "Styles of demo-avatars" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL("/buckets/demo-avatars/styles");
});

test("speaks Chinese when asked, and the browser's Chinese by default", async ({ page, browser }) => {
  await signIn(page);
  await page.goto(`/buckets/${firstBucket}/styles`);
  await chooseLanguage(page, "zh-CN");
  await expect(page.getByRole("heading", { name: "图片样式" })).toBeVisible();
  await expect(page.getByRole("link", { name: "新建样式" })).toBeVisible();

  const chinese = await browser.newContext({ locale: "zh-CN" });
  const zhPage = await chinese.newPage();
  await zhPage.goto("/");
  await expect(zhPage.getByRole("heading", { name: "登录 Style Console" })).toBeVisible();
  await expect(zhPage.getByLabel("用户名")).toBeVisible();
  await chinese.close();
});

test("every control of the list is reachable by keyboard, and the delete dialog keeps focus", async ({
  page,
}) => {
  await signIn(page);
  // Filtered to the seeded `thumbnail` style: other specs add styles to this shared demo bucket, and
  // those sorting before it would push its row past the Tab bound (the search is in the URL).
  await page.goto(`/buckets/${firstBucket}/styles?q=thumbnail`);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete thumbnail" })).toBeVisible();
  const reached = new Set<string>();
  // The header grew (people, fleet, usage, history links): the bound is generous, the loop ends at the row.
  for (let i = 0; i < 120 && !reached.has("Delete thumbnail"); i++) {
    await page.keyboard.press("Tab");
    reached.add(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return "";
        const labelled = el.getAttribute("aria-label");
        if (labelled) return labelled;
        const id = el.id;
        const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
        return (label ?? el.closest("label")?.textContent ?? el.textContent ?? "").trim();
      }),
    );
  }
  for (const name of ["Bucket", "Account", "New style", "Search styles", "Sort by", "Edit thumbnail"])
    expect(
      [...reached].some((r) => r.startsWith(name)),
      `${name} reachable by Tab`,
    ).toBe(true);
  expect(reached.has("Delete thumbnail")).toBe(true);

  // The focused Delete button opens the dialog with Enter; focus starts on the safe choice.
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Delete thumbnail?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete thumbnail" })).toBeFocused();
});

test("a returning operator's session check, buckets and styles load in parallel, not one after another", async ({
  page,
}) => {
  await page.goto("/");
  await signInWithToken(page, adminToken);
  await expect(page.getByRole("table", { name: `Styles of ${firstBucket}` })).toBeVisible();

  const events: string[] = [];
  const track = (kind: string) => (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (["/api/session", "/api/buckets", `/api/buckets/${firstBucket}/styles`].includes(path))
      events.push(`${kind} ${path}`);
  };
  page.on("request", track("start"));
  page.on("requestfinished", track("end"));
  await page.reload();
  await expect(page.getByRole("table", { name: `Styles of ${firstBucket}` })).toBeVisible();
  // Every one of the three starts before the session check has finished: no request waits for another.
  const sessionEnd = events.indexOf("end /api/session");
  expect(sessionEnd).toBeGreaterThan(-1);
  for (const path of ["/api/session", "/api/buckets", `/api/buckets/${firstBucket}/styles`])
    expect(events.indexOf(`start ${path}`), path).toBeLessThan(sessionEnd);
});
