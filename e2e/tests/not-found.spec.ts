import { expect, signIn, test } from "../fixtures/test.ts";

test("a bucket the console does not manage is explained, with a way out", async ({ page, consoleErrors }) => {
  await signIn(page);
  await page.goto("/buckets/not-configured/styles");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("UnknownBucket");
  await expect(alert).toContainText("Pick one of the buckets in the header");
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("404")]);
  await page.getByRole("combobox", { name: "Bucket" }).selectOption("demo-photos");
  await expect(page.getByRole("table", { name: "Styles of demo-photos" })).toBeVisible();
});

test("editing a style that does not exist says so instead of showing an empty form", async ({
  page,
  consoleErrors,
}) => {
  await signIn(page);
  await page.goto("/buckets/demo-photos/styles/no-such-style/edit");
  await expect(page.getByRole("alert")).toHaveText(
    "The style “no-such-style” does not exist in demo-photos.",
  );
  await expect(page.getByLabel("Content")).toHaveCount(0);
  expect(consoleErrors.splice(0)).toEqual([expect.stringContaining("404")]);
});
