import type { Browser, Page } from "@playwright/test";
import { screenshotAtWidths } from "../fixtures/screens.ts";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

/** A second operator in a browser of their own (separate cookies), already signed in. */
async function secondOperator(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  return page;
}

async function saveEdit(page: Page, content: string) {
  await page.getByLabel("Content").fill(content);
  await page.getByRole("button", { name: "Review changes" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
}

/** Both operators open the same style; the other one saves first. */
async function race(page: Page, browser: Browser) {
  const name = `e2e-race-${Date.now().toString(36)}`;
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  const other = await secondOperator(browser);
  const editPath = `/buckets/${bucket}/styles/${name}/edit`;
  await page.goto(editPath);
  await other.goto(editPath);
  await expect(page.getByLabel("Content")).toHaveText("image/resize,w_100");
  await expect(other.getByLabel("Content")).toHaveText("image/resize,w_100");

  await saveEdit(other, "image/resize,w_200");
  await expect(other).toHaveURL(`/buckets/${bucket}/styles`);
  await other.context().close();

  await saveEdit(page, "image/resize,w_300");
  const conflict = page.getByRole("dialog", { name: `${name} was changed by someone else` });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("region", { name: "Their version (on the server)" })).toContainText(
    "image/resize,w_200",
  );
  await expect(conflict.getByRole("region", { name: "Your version" })).toContainText("image/resize,w_300");
  return { name, conflict };
}

test("a concurrent edit from a second browser shows both versions; keep mine overwrites", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  const { name, conflict } = await race(page, browser);
  await screenshotAtWidths(page, testInfo, "conflict");
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("409")]);
  await conflict.getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
  const saved = (await stylesViaApi(page, bucket)).find((s) => s.name === name);
  expect(saved?.content).toBe("image/resize,w_300");
});

test("take theirs loads the other operator's version into the editor and saves nothing", async ({
  page,
  browser,
  consoleErrors,
}) => {
  const { name, conflict } = await race(page, browser);
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("409")]);
  await conflict.getByRole("button", { name: "Take theirs (discard mine)" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByLabel("Content")).toHaveText("image/resize,w_200");
  const saved = (await stylesViaApi(page, bucket)).find((s) => s.name === name);
  expect(saved?.content).toBe("image/resize,w_200");
});

test("a style deleted by someone else while it is edited can be saved again to recreate it", async ({
  page,
  consoleErrors,
}) => {
  const name = `e2e-gone-${Date.now().toString(36)}`;
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  await page.goto(`/buckets/${bucket}/styles/${name}/edit`);
  await expect(page.getByLabel("Content")).toHaveText("image/resize,w_100");
  const removed = await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, {
    headers: browserLikeHeaders,
  });
  expect(removed.status()).toBe(204);

  await saveEdit(page, "image/resize,w_150");
  await expect(page.getByRole("alert")).toHaveText(
    `${name} was deleted by someone else while you edited it. Save again to recreate it.`,
  );
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("404")]);
  await page.getByRole("button", { name: "Review changes" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
  const saved = (await stylesViaApi(page, bucket)).find((s) => s.name === name);
  expect(saved?.content).toBe("image/resize,w_150");
});
