import type { Locator, Page } from "@playwright/test";
import { createStyleViaApi, expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

/**
 * The button is on screen and nothing covers it: the element at its centre is the button itself (or
 * its text), so a tap there reaches it without scrolling.
 */
async function reachable(page: Page, button: Locator) {
  const box = await button.boundingBox();
  expect(box, "the button is rendered").not.toBeNull();
  const viewport = page.viewportSize();
  if (!box || !viewport) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(hit).toBe(await button.textContent());
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`the editor's save bar stays reachable at ${viewport.width}×${viewport.height}, wherever the page is scrolled`, async ({
    page,
  }) => {
    const name = `e2e-bar-${viewport.width}-${Date.now().toString(36)}`;
    await page.setViewportSize(viewport);
    await signIn(page);
    await createStyleViaApi(page, bucket, name, "image/resize,w_100/quality,q_90");
    await page.goto(`/buckets/${bucket}/styles/${name}/edit`);
    const content = page.getByLabel("Content", { exact: true });
    await expect(content).toHaveText("image/resize,w_100/quality,q_90");
    await content.fill("image/resize,w_120/quality,q_90");
    const bar = page.getByTestId("save-bar");
    const save = bar.getByRole("button", { name: "Review changes" });

    // The editor is taller than the window (preview and builder under the form on a phone).
    const tall = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
    if (viewport.width === 390) expect(tall).toBe(true);
    for (const where of ["top", "middle", "bottom"] as const) {
      await page.evaluate((at) => {
        const max = document.documentElement.scrollHeight - window.innerHeight;
        window.scrollTo(0, at === "top" ? 0 : at === "middle" ? max / 2 : max);
      }, where);
      await test.step(`scrolled to the ${where}`, () => reachable(page, save));
    }
    await expect(bar.getByRole("button", { name: "Save as draft" })).toBeVisible();

    // A tap where the button shows opens the review of the changes.
    const box = await save.boundingBox();
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole("dialog", { name: `Review changes to ${name}` })).toBeVisible();
  });
}
