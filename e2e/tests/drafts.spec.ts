import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { createStyleViaApi, expect, personPage, signIn, test } from "../fixtures/test.ts";

const suffix = Date.now().toString(36);
const unique = (what: string) => `e2e-${what}-${suffix}`;
const password = "drafts travel to review and back";

/** This file's account of `role`, signed in on a page of its own. */
const person = (browser: Browser, admin: Page, role: "designer" | "operator") =>
  personPage(browser, admin, { username: `${role}-${suffix}`, role, password });

/** Both previews of a draft card have loaded (no image request is left in flight when the test ends). */
async function previewsLoaded(card: Locator) {
  const previews = card.locator(".history-preview img");
  await expect(previews).toHaveCount(2);
  await expect(previews.first()).toHaveJSProperty("complete", true);
  await expect(previews.last()).toHaveJSProperty("complete", true);
}

/** axe-core finds no serious or critical violation on the page as it is (the a11y spec's rule). */
async function accessible(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

async function contentOf(page: Page, bucket: string, name: string): Promise<string> {
  const res = await page.request.get(`/api/buckets/${bucket}/styles/${name}`);
  expect(res.status()).toBe(200);
  return (await res.json()).content;
}

test("a designer saves a draft and requests review in the editor; an operator reviews the diff and both previews, and publishes", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const bucket = "demo-photos";
  const name = unique("draft");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100/quality,q_90");
  const designer = await person(browser, page, "designer");
  const operator = await person(browser, page, "operator");

  await test.step("the designer cannot save, but drafts and requests review", async () => {
    await designer.goto(`/buckets/${bucket}/styles/${name}/edit`);
    const content = designer.getByLabel("Content", { exact: true });
    await expect(content).toHaveText("image/resize,w_100/quality,q_90");
    await content.fill("image/resize,w_150/quality,q_80");
    await expect(designer.getByRole("button", { name: "Review changes" })).toBeDisabled();
    await designer.getByRole("button", { name: "Save as draft" }).click();
    await expect(designer.getByText(/Saved as draft \d+/)).toBeVisible();
    await designer.getByRole("button", { name: "Request review" }).click();
    await expect(designer).toHaveURL(`/buckets/${bucket}/drafts`);
    // Their own drafts, per person.
    await designer.getByLabel("Show").selectOption("mine");
    const mine = designer.getByTestId("draft").filter({ hasText: name });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText("waiting for review");
    // A designer sees the review, not the reviewer's buttons.
    await expect(mine.getByRole("button", { name: "Publish" })).toBeDisabled();
  });

  await test.step("the operator sees the diff against the live version and both previews on one image", async () => {
    await operator.goto(`/buckets/${bucket}/drafts`);
    await operator.getByLabel("Show").selectOption("mine");
    await expect(operator.getByTestId("draft").filter({ hasText: name })).toHaveCount(0);
    await operator.getByLabel("Show").selectOption("everyone");
    const card = operator.getByTestId("draft").filter({ hasText: name });
    await expect(card).toContainText(`designer-${suffix}`);
    const diff = card.getByTestId("version-diff");
    await expect(diff.locator("tr[data-kind=changed]")).toHaveCount(2);
    await expect(diff.locator("tr[data-kind=added], tr[data-kind=removed]")).toHaveCount(0);
    const previews = card.locator(".history-preview img");
    await expect(previews).toHaveCount(2);
    const sources = await previews.evaluateAll((imgs) =>
      imgs.map((img) => new URL((img as HTMLImageElement).src).searchParams.get("source")),
    );
    expect(sources[0]).toBe(sources[1]);
    await expect(previews.first()).toHaveJSProperty("complete", true);

    await card.getByLabel("Review comment").fill("sharper, ship it");
    await card.getByRole("button", { name: "Publish" }).click();
    await expect(card).toContainText("published");
  });

  expect(await contentOf(page, bucket, name)).toBe("image/resize,w_150/quality,q_80");
  const versions = (await (await page.request.get(`/api/buckets/${bucket}/styles/${name}/versions`)).json())
    .versions;
  expect(versions[0]).toMatchObject({
    comment: "sharper, ship it",
    actor: { username: `operator-${suffix}` },
  });
});

test("a draft whose style changed meanwhile gets the 409 view, and nothing is published", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const bucket = "demo-photos";
  const name = unique("moved");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_100");
  const designer = await person(browser, page, "designer");
  const operator = await person(browser, page, "operator");
  const drafted = await designer.request.post(`/api/buckets/${bucket}/drafts`, {
    data: { name, content: "image/resize,w_300" },
    headers: browserLikeHeaders,
  });
  expect(drafted.status(), await drafted.text()).toBe(201);
  // Someone saves the style after the draft started (OSS's LastModifyTime has whole seconds).
  await page.waitForTimeout(1100);
  const changed = await page.request.put(`/api/buckets/${bucket}/styles/${name}`, {
    data: { content: "image/resize,w_200", force: true },
    headers: browserLikeHeaders,
  });
  expect(changed.status(), await changed.text()).toBe(200);

  await operator.goto(`/buckets/${bucket}/drafts`);
  const card = operator.getByTestId("draft").filter({ hasText: name });
  // The screen already says the live style moved on, and diffs the draft against what is live now.
  await expect(card.getByTestId("draft-moved")).toBeVisible();
  await expect(card.getByTestId("version-diff")).toContainText("w_200");
  await card.getByRole("button", { name: "Publish" }).click();
  const conflict = card.getByTestId("draft-conflict");
  await expect(conflict).toBeVisible();
  await expect(
    conflict.getByRole("heading", { name: `${name} changed after the draft was started` }),
  ).toBeVisible();
  await expect(conflict.getByTestId("version-diff").locator("tr[data-kind=changed]")).toContainText("w_200");
  expect(await contentOf(page, bucket, name)).toBe("image/resize,w_200");
  // The review screen with a draft, its previews and the 409 view (the a11y spec sees it empty).
  await previewsLoaded(card);
  await accessible(operator);

  // The reviewer sends it back with a comment instead.
  await card.getByLabel("Review comment").fill("redo it on the live version");
  await card.getByRole("button", { name: "Send back" }).click();
  await expect(card).toContainText("sent back");
  await expect(card).toContainText("redo it on the live version");

  // Its author revises it in the editor and asks again.
  await designer.goto(`/buckets/${bucket}/drafts`);
  const theirs = designer.getByTestId("draft").filter({ hasText: name });
  await expect(theirs).toContainText("redo it on the live version");
  await theirs.getByRole("link", { name: "Revise in the editor" }).click();
  const content = designer.getByLabel("Content", { exact: true });
  await expect(content).toHaveText("image/resize,w_300");
  await content.fill("image/resize,w_250");
  await designer.getByRole("button", { name: "Request review" }).click();
  await expect(designer).toHaveURL(`/buckets/${bucket}/drafts`);
  await expect(theirs).toContainText("waiting for review");
  await expect(designer.getByTestId("draft").filter({ hasText: name })).toHaveCount(1);

  // The card's activity says who sent it back, and why, and who asked for review again.
  const activity = theirs.getByTestId("draft-activity");
  await activity.getByText("Activity", { exact: true }).click();
  const entries = activity.getByTestId("draft-activity-entry");
  await expect(entries.filter({ hasText: `designer-${suffix} requested review` })).toBeVisible();
  const sentBack = entries.filter({ hasText: `operator-${suffix} sent it back` });
  await expect(sentBack).toBeVisible();
  await expect(sentBack).toContainText("redo it on the live version");
});

test("with review required, the editor's save requests review, and nobody approves their own draft", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const bucket = "demo-avatars";
  const name = unique("required");
  await signIn(page);
  await createStyleViaApi(page, bucket, name, "image/resize,w_64");
  const operator = await person(browser, page, "operator");
  const setting = async (on: boolean) => {
    const res = await page.request.put(`/api/buckets/${bucket}/settings`, {
      data: { requireReview: on },
      headers: browserLikeHeaders,
    });
    expect(res.status()).toBe(200);
  };
  try {
    await test.step("an admin requires review on the review screen", async () => {
      await page.goto(`/buckets/${bucket}/drafts`);
      const box = page.getByRole("checkbox", { name: "Require review for every change in this bucket" });
      await expect(box).not.toBeChecked();
      await box.click();
      await expect(box).toBeChecked();
      // The switch says who turned it on, and when (the exact time on hover).
      const last = page.getByTestId("review-history-last");
      await expect(last).toHaveText(/^Turned on by .+, /);
      await expect(last.locator("time")).toHaveAttribute("title", /\d/);
      const res = await page.request.get(`/api/buckets/${bucket}/settings`);
      expect(await res.json()).toEqual({ bucket, requireReview: true });
    });

    await test.step("the operator's save goes through a draft and a review request", async () => {
      await operator.goto(`/buckets/${bucket}/styles/${name}/edit`);
      await expect(operator.getByText(/requires review for every change/)).toBeVisible();
      const content = operator.getByLabel("Content", { exact: true });
      await expect(content).toHaveText("image/resize,w_64");
      await content.fill("image/resize,w_96");
      await operator.getByRole("button", { name: "Request review" }).click();
      await expect(operator).toHaveURL(`/buckets/${bucket}/drafts`);
      expect(await contentOf(page, bucket, name)).toBe("image/resize,w_64");
    });

    const card = operator.getByTestId("draft").filter({ hasText: name });
    await test.step("the author cannot approve their own draft", async () => {
      await expect(card).toContainText("waiting for review");
      const publish = card.getByRole("button", { name: "Publish" });
      await expect(publish).toBeDisabled();
      await expect(publish).toHaveAccessibleDescription(/someone other than you must publish/);
      const id = (
        await (await operator.request.get(`/api/buckets/${bucket}/drafts?status=in_review`)).json()
      ).drafts.find((d: { name: string }) => d.name === name).id;
      const own = await operator.request.post(`/api/buckets/${bucket}/drafts/${id}/publish`, {
        headers: browserLikeHeaders,
      });
      expect(own.status()).toBe(403);
      expect((await own.json()).error.code).toBe("OwnDraft");
      expect(await contentOf(page, bucket, name)).toBe("image/resize,w_64");
    });

    await test.step("someone else (the admin) publishes it", async () => {
      await page.goto(`/buckets/${bucket}/drafts`);
      const theirs = page.getByTestId("draft").filter({ hasText: name });
      await previewsLoaded(theirs);
      await theirs.getByRole("button", { name: "Publish" }).click();
      await expect(theirs).toContainText("published");
      await previewsLoaded(theirs);
      expect(await contentOf(page, bucket, name)).toBe("image/resize,w_96");
    });
  } finally {
    await setting(false);
  }
});
