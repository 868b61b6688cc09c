import type { Page } from "@playwright/test";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, personPage, signIn, test } from "../fixtures/test.ts";

// Demo buckets are shared with other specs: every name here is this run's own, and nothing counts rows.
const suffix = Date.now().toString(36);
const unique = (what: string) => `e2e-dd-${what}-${suffix}`;
const password = "drafts can be dropped again";
const bucket = "demo-photos";

/** A draft of `name` saved by `page`'s person through the API; its id. */
async function draftVia(page: Page, name: string, content: string): Promise<number> {
  const res = await page.request.post(`/api/buckets/${bucket}/drafts`, {
    data: { name, content },
    headers: browserLikeHeaders,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

const draftStatus = async (page: Page, id: number) =>
  (await page.request.get(`/api/buckets/${bucket}/drafts/${id}`)).status();

test("on the drafts screen, the author deletes their draft after confirming; another designer is told why they may not", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const name = unique("list");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  const author = await personPage(browser, page, {
    username: `dd-author-${suffix}`,
    role: "designer",
    password,
  });
  const other = await personPage(browser, page, {
    username: `dd-other-${suffix}`,
    role: "designer",
    password,
  });
  const id = await draftVia(author, name, "image/resize,w_120");

  await test.step("another designer sees the button disabled, with the reason", async () => {
    await other.goto(`/buckets/${bucket}/drafts`);
    const card = other.getByTestId("draft").filter({ hasText: name });
    const remove = card.getByRole("button", { name: "Delete draft" });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription(
      "Only the draft's author, or an operator or higher, may delete it.",
    );
  });

  await test.step("the author cancels once, then deletes it: the card leaves the list", async () => {
    await author.goto(`/buckets/${bucket}/drafts`);
    const card = author.getByTestId("draft").filter({ hasText: name });
    await card.getByRole("button", { name: "Delete draft" }).click();
    const dialog = author.getByRole("dialog", { name: `Delete draft ${id} of ${name}?` });
    await expect(dialog).toContainText("Nothing changes in the bucket");
    // Cancel is the default: Enter on the focused button keeps the draft.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await author.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    expect(await draftStatus(author, id)).toBe(200);

    await card.getByRole("button", { name: "Delete draft" }).click();
    await dialog.getByRole("button", { name: `Delete draft ${id}` }).click();
    await expect(author.getByText(`Draft ${id} of ${name} deleted.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(author.getByTestId("draft").filter({ hasText: name })).toHaveCount(0);
    expect(await draftStatus(author, id)).toBe(404);
    // The live style is untouched.
    const live = await author.request.get(`/api/buckets/${bucket}/styles/${name}`);
    expect((await live.json()).content).toBe("image/resize,w_100");
  });

  await test.step("the other designer's screen drops it too once it reloads the list", async () => {
    await other.reload();
    await expect(other.getByRole("heading", { name: "Drafts and review" })).toBeVisible();
    await expect(other.getByTestId("draft").filter({ hasText: name })).toHaveCount(0);
  });
});

test("in the editor, deleting the draft being revised brings back the saved style", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const name = unique("editor");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_200");
  const author = await personPage(browser, page, {
    username: `dd-author-${suffix}`,
    role: "designer",
    password,
  });

  await test.step("a draft opened from the drafts screen (?draft=<id>)", async () => {
    const id = await draftVia(author, name, "image/resize,w_240");
    await author.goto(`/buckets/${bucket}/styles/${name}/edit?draft=${id}`);
    const content = author.getByLabel("Content", { exact: true });
    await expect(content).toHaveText("image/resize,w_240");
    await author.getByRole("button", { name: "Delete draft" }).click();
    const dialog = author.getByRole("dialog", { name: `Delete draft ${id} of ${name}?` });
    await expect(dialog).toContainText("shows the saved style again");
    await dialog.getByRole("button", { name: `Delete draft ${id}` }).click();
    await expect(author.getByText(`Draft ${id} of ${name} deleted.`)).toBeVisible();
    await expect(author).toHaveURL(`/buckets/${bucket}/styles/${name}/edit`);
    await expect(content).toHaveText("image/resize,w_200");
    await expect(author.getByRole("button", { name: "Delete draft" })).toHaveCount(0);
    expect(await draftStatus(author, id)).toBe(404);
  });

  await test.step("a draft just saved from the editor", async () => {
    const content = author.getByLabel("Content", { exact: true });
    await content.fill("image/resize,w_260");
    await author.getByRole("button", { name: "Save as draft" }).click();
    const saved = author.getByText(/Saved as draft (\d+)/);
    await expect(saved).toBeVisible();
    const id = Number(/Saved as draft (\d+)/.exec((await saved.textContent()) ?? "")?.[1]);
    await author.getByRole("button", { name: "Delete draft" }).click();
    await author.getByRole("button", { name: `Delete draft ${id}` }).click();
    await expect(author.getByText(`Draft ${id} of ${name} deleted.`)).toBeVisible();
    await expect(content).toHaveText("image/resize,w_200");
    expect(await draftStatus(author, id)).toBe(404);
    // Nothing is left unsaved: leaving asks nothing.
    await author.getByRole("link", { name: "Cancel" }).click();
    await expect(author).toHaveURL(`/buckets/${bucket}/styles`);
  });
});

test("a delete the server refuses says why in the dialog, and the list catches up", async ({
  page,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  const name = unique("gone");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_300");
  const author = await personPage(browser, page, {
    username: `dd-author-${suffix}`,
    role: "designer",
    password,
  });
  const id = await draftVia(author, name, "image/resize,w_330");

  // The admin (a reviewer) opens the screen; meanwhile the author deletes the draft elsewhere.
  await page.goto(`/buckets/${bucket}/drafts`);
  const card = page.getByTestId("draft").filter({ hasText: name });
  await expect(card.getByRole("button", { name: "Delete draft" })).toBeEnabled();
  const gone = await author.request.delete(`/api/buckets/${bucket}/drafts/${id}`, {
    headers: browserLikeHeaders,
  });
  expect(gone.status()).toBe(204);

  await card.getByRole("button", { name: "Delete draft" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete draft ${id} of ${name}?` });
  await dialog.getByRole("button", { name: `Delete draft ${id}` }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText(`Bucket "${bucket}" has no draft ${id}.`);
  await expect(alert).toContainText("NoSuchDraft");
  // The browser logs the 404 it received.
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("404")]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("draft").filter({ hasText: name })).toHaveCount(0);
});
