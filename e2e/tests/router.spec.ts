import { createStyleViaApi, expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

test("search, sort and category live in the URL: reload, back and forward keep them", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles`);
  await expect(page.getByRole("table")).toBeVisible();

  await page.getByRole("combobox", { name: "Sort by" }).selectOption("modified");
  await expect(page).toHaveURL(`/buckets/${bucket}/styles?sort=modified`);
  await page.getByRole("searchbox", { name: "Search styles" }).fill("thumb");
  await expect(page).toHaveURL(`/buckets/${bucket}/styles?q=thumb&sort=modified`);

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search styles" })).toHaveValue("thumb");
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("modified");

  // Typing replaced the entry; the sort change was its own. Back undoes the sort (and the text typed
  // after it), forward brings both back.
  await page.goBack();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("name");
  await expect(page.getByRole("searchbox", { name: "Search styles" })).toHaveValue("");
  await page.goForward();
  await expect(page.getByRole("searchbox", { name: "Search styles" })).toHaveValue("thumb");

  await page.goto(`/buckets/${bucket}/styles?category=video`);
  await expect(page.getByRole("combobox", { name: "Category" })).toHaveValue("video");
});

test("leaving an editor with unsaved changes asks first, and a save leaves without asking", async ({
  page,
}) => {
  const name = `e2e-leave-${Date.now().toString(36)}`;
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  await page.goto(`/buckets/${bucket}/styles?q=${name}`);
  const edit = page.getByRole("link", { name: `Edit ${name}` });
  await edit.click();
  const content = page.getByLabel("Content");
  await expect(content).toHaveValue("image/resize,w_100");

  // Untouched: the back link just leaves.
  await page.getByRole("link", { name: /Back to styles/ }).click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
  await page.goBack();
  await page.goBack();
  await expect(edit).toBeVisible();
  await edit.click();

  await content.fill("image/resize,w_200");
  await page.getByRole("link", { name: /Back to styles/ }).click();
  const ask = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(ask).toBeHidden();
  await expect(content).toHaveValue("image/resize,w_200");

  // The browser's back button is guarded the same way.
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay and keep editing" }).click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles/${name}/edit`);
  await expect(content).toHaveValue("image/resize,w_200");

  // Saved: nothing to lose, so no question on the way back to the list.
  await page.keyboard.press("ControlOrMeta+s");
  await page
    .getByRole("dialog", { name: `Review changes to ${name}` })
    .getByRole("button", { name: /Save/ })
    .click();
  await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
  await expect(ask).toBeHidden();

  // Discard leaves and loses the edit.
  await page.goto(`/buckets/${bucket}/styles/${name}/edit`);
  await content.fill("image/resize,w_300");
  await page.getByRole("combobox", { name: "Bucket" }).selectOption("demo-avatars");
  await ask.getByRole("button", { name: "Discard changes and leave" }).click();
  await expect(page).not.toHaveURL(/\/edit$/);
});
