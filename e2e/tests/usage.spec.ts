import { request as httpClient } from "@playwright/test";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

// Issue 13 in a real browser on the embedded default: demo-photos logs its requests to demo-logs (the
// emulator delivers every 2 s here, see playwright.config.ts), and the console reads them on "Scan now".

interface StyleUsage {
  name: string;
  requests30d: number;
  lastUsed: string | null;
}

/** This month in UTC+8, the month OSS bills in. */
const billingMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

test("a request through a presigned style URL appears on the usage page after Scan now", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  // Logs delivered before this test are read first, so what follows counts only this test's requests.
  const first = await page.request.post("/api/buckets/demo-photos/usage/scan", {
    headers: browserLikeHeaders,
  });
  expect(first.status(), await first.text()).toBe(200);
  const usage = await page.request.get("/api/buckets/demo-photos/usage");
  const before =
    ((await usage.json()).styles as StyleUsage[]).find((s) => s.name === "thumbnail")?.requests30d ?? -1;
  expect(before).toBeGreaterThanOrEqual(0);

  // The console hands out a presigned URL of the style; a client with nothing of the console's (no
  // cookie, no key) fetches the image through it, straight from "OSS".
  const urls = await page.request.get(
    "/api/buckets/demo-photos/style-urls?key=photos/flowers.jpg&style=thumbnail",
  );
  expect(urls.status(), await urls.text()).toBe(200);
  const presigned = ((await urls.json()).urls as Array<{ kind: string; url: string }>).find(
    (u) => u.kind === "presigned",
  )?.url;
  expect(presigned).toMatch(/x-oss-process=style%2Fthumbnail/);
  const outsider = await httpClient.newContext();
  try {
    for (let i = 0; i < 2; i++) {
      const image = await outsider.get(presigned ?? "");
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/jpeg");
    }
  } finally {
    await outsider.dispose();
  }

  await page.goto("/buckets/demo-photos/usage");
  await expect(page.getByRole("heading", { name: "Style usage" })).toBeVisible();
  await expect(page.getByText(/Access logs go to demo-logs\//)).toBeVisible();
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "thumbnail", exact: true }) });
  // The emulator delivers its log every 2 s: scan until the delivery holding the two requests is read.
  await expect(async () => {
    await page.getByRole("button", { name: "Scan logs now" }).click();
    await expect(page.getByText(/^Read \d+ log object\(s\)/)).toBeVisible();
    await expect(row.getByRole("cell").nth(1)).toHaveText(String(before + 2), { timeout: 2000 });
  }).toPass({ timeout: 60_000, intervals: [1000, 2000, 2000] });
  await expect(row.locator("time")).toHaveText(/now|second|minute/);
  await expect(page.getByText(/^Logs read up to /)).toBeVisible();
});

test("the requests page shows this month's style API calls against the 1,000 free", async ({ page }) => {
  await signIn(page);
  const month = billingMonth();
  const report = async () => await (await page.request.get(`/api/usage/requests?month=${month}`)).json();
  const before = await report();
  // Two style API calls the console makes for this person: ListStyle of demo-photos.
  await stylesViaApi(page, "demo-photos");
  await stylesViaApi(page, "demo-photos");

  await page.goto("/usage/requests");
  await expect(page.getByRole("heading", { name: "OSS requests and cost" })).toBeVisible();
  const figure = (term: string) => page.locator("dl.usage-summary dt", { hasText: term }).locator("+ dd");
  await expect(figure("Style API calls")).toBeVisible();
  // The page's own loading asks OSS too (the bucket list counts styles): it shows a figure between
  // what this test caused and what the console counted once everything settled.
  await page.waitForLoadState("networkidle");
  const after = await report();
  const shown = Number(((await figure("Style API calls").textContent()) ?? "").replace(/,/g, ""));
  expect(shown).toBeGreaterThanOrEqual(before.styleRequests + 2);
  expect(shown).toBeLessThanOrEqual(after.styleRequests);
  await expect(figure("Free tier")).toHaveText("1,000");
  const billable = Math.max(0, shown - 1000);
  await expect(figure("Billable")).toHaveText(billable.toLocaleString("en"));
  await expect(figure("Cost")).toHaveText(`¥${(billable * 0.0001).toFixed(4)}`);
  await expect(page.getByText("¥0.0001 per style API call beyond 1,000 a month.")).toBeVisible();
  const listStyle = page
    .getByRole("table", { name: "By API" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "ListStyle", exact: true }) });
  const listed = Number(((await listStyle.getByRole("cell").textContent()) ?? "").replace(/,/g, ""));
  expect(listed).toBeGreaterThanOrEqual(before.byApi.ListStyle + 2);
  expect(listed).toBeLessThanOrEqual(after.byApi.ListStyle);
});
