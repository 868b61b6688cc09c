import { expect, test } from "../fixtures/test.ts";

test("the console loads and shows its name and version", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body).toEqual({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

  await page.goto("/");
  await expect(page).toHaveTitle("Style Console");
  await expect(page.getByRole("link", { name: "Style Console" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Server status" })).toHaveText(`Version ${body.version}`);
});

test("a client-side route survives a reload", async ({ page }) => {
  await page.goto("/buckets/demo/styles");
  await expect(page.getByRole("link", { name: "Style Console" })).toBeVisible();
});

test("the console-error guard catches errors", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await page.evaluate(() => console.error("deliberate"));
  await expect.poll(() => consoleErrors.length).toBe(1);
  expect(consoleErrors.splice(0)).toEqual(["console.error: deliberate"]);
});
