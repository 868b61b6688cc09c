import type { Browser, Page } from "@playwright/test";
import { figure } from "../fixtures/preview.ts";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";
const suffix = Date.now().toString(36);

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signInWithPassword(page: Page, username: string, password: string) {
  await page.goto("/");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
}

test("an admin invites a designer who previews but cannot save or delete; an operator saves; the audit names both", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const style = `e2e-people-${suffix}`;
  const designer = `dana-${suffix}`;
  const operator = `otto-${suffix}`;
  const designerPassword = "a sunny afternoon by the lake";
  const operatorPassword = "operators keep the lights on";
  await signIn(page);
  await createStyleViaApi(page, bucket, style, "image/resize,w_200");

  const invite = await test.step("the admin invites a designer from People", async () => {
    await page.goto("/people");
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
    await page.getByLabel("Username").fill(designer);
    await page.getByLabel("Role", { exact: true }).selectOption("designer");
    await page.getByRole("button", { name: "Invite" }).click();
    const link = page.locator("output.secret-once");
    await expect(link).toContainText("/#invite=");
    await expect(page.getByRole("rowheader", { name: designer })).toBeVisible();
    return (await link.textContent()) ?? "";
  });

  const designerPage = await newPage(browser);
  await test.step("the designer takes the invite, signs in and sees their role", async () => {
    await designerPage.goto(invite);
    expect(designerPage.url()).not.toContain("invite=");
    await expect(designerPage.getByRole("heading", { name: "Set your password" })).toBeVisible();
    await designerPage.getByLabel("New password").fill("password123");
    await designerPage.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(designerPage.getByRole("alert")).toContainText("commonly used");
    await designerPage.getByLabel("New password").fill(designerPassword);
    await designerPage.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(designerPage).toHaveURL(`/buckets/${bucket}/styles`);
    await expect(designerPage.getByLabel("Your role: Designer")).toBeVisible();
  });

  await test.step("the designer cannot delete: the button is disabled and says why", async () => {
    const del = designerPage.getByRole("button", { name: `Delete ${style}` });
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription(/needs Operator or higher/);
  });

  await test.step("the designer previews an edit but cannot save it", async () => {
    await designerPage.getByRole("link", { name: `Edit ${style}` }).click();
    await designerPage.getByLabel("Content").fill("image/resize,w_120");
    // The live preview renders the designer's draft (resize to 120 px wide).
    await expect(figure(designerPage).locator("dl")).toContainText("120 ×");
    await expect(figure(designerPage).getByRole("img")).toBeVisible();
    const save = designerPage.getByRole("button", { name: /Review changes|Save/ }).first();
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription(/Your role \(Designer\) cannot do this/);
    // The BFF refuses it too, whatever the page shows.
    const forced = await designerPage.request.put(`/api/buckets/${bucket}/styles/${style}`, {
      data: { content: "image/resize,w_120" },
      headers: browserLikeHeaders,
    });
    expect(forced.status()).toBe(403);
  });

  await test.step("an operator (made with a password) signs in and saves", async () => {
    const made = await page.request.post("/api/users", {
      data: { username: operator, role: "operator", password: operatorPassword },
      headers: browserLikeHeaders,
    });
    expect(made.status(), await made.text()).toBe(201);
    const operatorPage = await newPage(browser);
    await signInWithPassword(operatorPage, operator, operatorPassword);
    await expect(operatorPage.getByLabel("Your role: Operator")).toBeVisible();
    await operatorPage.getByRole("link", { name: `Edit ${style}` }).click();
    await operatorPage.getByLabel("Content").fill("image/resize,w_160");
    await operatorPage.getByRole("button", { name: "Review changes" }).click();
    await operatorPage.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
    await expect(operatorPage).toHaveURL(`/buckets/${bucket}/styles`);
  });

  await test.step("the audit names the operator who saved, and the admin who invited the designer", async () => {
    const audit = await (await page.request.get(`/api/audit?bucket=${bucket}&style=${style}`)).json();
    const update = audit.entries.find((e: { action: string }) => e.action === "update");
    expect(update.actor).toMatchObject({ name: operator, via: "session" });
    await page.goto("/people");
    const changes = page.getByRole("region", { name: "Recent changes to accounts" });
    await expect(changes).toContainText(`Admin (bootstrap token) (bootstrap token): user.create ${designer}`);
    await expect(changes).toContainText(`${designer} (password): user.password ${designer}`);
  });
});
