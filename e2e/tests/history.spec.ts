import type { Page } from "@playwright/test";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, openPersonMenu, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";
const unique = (what: string) => `e2e-${what}-${Date.now().toString(36)}`;

async function forceUpdate(page: Page, name: string, content: string) {
  const res = await page.request.put(`/api/buckets/${bucket}/styles/${name}`, {
    data: { content, force: true },
    headers: browserLikeHeaders,
  });
  expect(res.status(), await res.text()).toBe(200);
}

test("the history screen diffs two versions operation by operation and restores one with a comment", async ({
  page,
}) => {
  const name = unique("hist");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100/quality,q_90");
  await forceUpdate(page, name, "image/resize,w_200/quality,q_80");

  await page.goto(`/buckets/${bucket}/styles/${name}/history`);
  await expect(page.getByRole("heading", { name: `History of ${name}` })).toBeVisible();
  await expect(page.getByTestId("version")).toHaveCount(2);
  // Two adjacent edited operations: two "changed" rows, no removal + addition, no row for "image".
  const diff = page.getByTestId("version-diff");
  await expect(diff.locator("tr[data-kind=changed]")).toHaveCount(2);
  await expect(diff.locator("tr[data-kind=added], tr[data-kind=removed]")).toHaveCount(0);
  await expect(diff.locator("td", { hasText: /^image$/ })).toHaveCount(0);
  // Both versions previewed side by side on the same image.
  const previews = page.locator(".history-preview img");
  await expect(previews).toHaveCount(2);
  const sources = await previews.evaluateAll((imgs) =>
    imgs.map((img) => new URL((img as HTMLImageElement).src).searchParams.get("source")),
  );
  expect(sources[0]).toBe(sources[1]);
  await expect(previews.first()).toHaveJSProperty("complete", true);

  await page.getByRole("button", { name: /^Restore version \d+$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Comment (optional)").fill("back to 100");
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByTestId("version")).toHaveCount(3);
  await expect(page.getByTestId("version").first()).toContainText("Restored");
  await expect(page.getByTestId("version").first()).toContainText("back to 100");
  const res = await page.request.get(`/api/buckets/${bucket}/styles/${name}`);
  expect((await res.json()).content).toBe("image/resize,w_100/quality,q_90");
});

test("a deleted style is listed under Recently deleted and restored from there", async ({ page }) => {
  const name = unique("gone");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_64");
  const del = await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, {
    headers: browserLikeHeaders,
  });
  expect(del.status()).toBe(204);
  await page.goto(`/buckets/${bucket}/deleted`);
  const row = page.getByTestId("deleted-style").filter({ hasText: name });
  await row.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(row).toHaveCount(0);
  const res = await page.request.get(`/api/buckets/${bucket}/styles/${name}`);
  expect((await res.json()).content).toBe("image/resize,w_64");
});

test("leaving the editor with unsaved changes asks first on every way out, and a reload offers the edit back", async ({
  page,
}) => {
  const name = unique("unsaved");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  await page.goto(`/buckets/${bucket}/styles`);
  await page.locator(`a[href$="/styles/${name}/edit"]`).first().click();
  const content = page.getByLabel("Content", { exact: true });
  await expect(content).toHaveText("image/resize,w_100");
  await content.fill("image/resize,w_321");
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  const stay = async () => {
    await expect(leave).toBeVisible();
    await leave.getByRole("button", { name: "Stay and keep editing" }).click();
    await expect(leave).toBeHidden();
    await expect(content).toHaveText("image/resize,w_321");
  };

  // The back link.
  await page.getByRole("link", { name: /Back to styles/ }).click();
  await stay();
  // Cancel.
  await page.getByRole("link", { name: "Cancel" }).click();
  await stay();
  // Browser back.
  await page.goBack();
  await stay();
  // Bucket switch.
  const picker = page.getByRole("combobox", { name: "Bucket" });
  const other = await picker
    .locator("option")
    .evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== "demo-photos"),
    );
  expect(other, "the embedded default seeds a second bucket").toBeTruthy();
  await picker.selectOption(other as string);
  await stay();
  // Sign out (it sits in the person menu).
  await openPersonMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await stay();

  // Reload: the browser's own prompt, then the kept edit is offered back.
  page.once("dialog", (dialog) => {
    expect(dialog.type()).toBe("beforeunload");
    void dialog.accept();
  });
  await page.reload();
  const offer = page.getByTestId("autosave-offer");
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("image/resize,w_321");
  await offer.getByRole("button", { name: "Restore my edit" }).click();
  await expect(page.getByLabel("Content", { exact: true })).toHaveText("image/resize,w_321");
});
