import { expectDimensions } from "../fixtures/preview.ts";
import { widths } from "../fixtures/screens.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

/**
 * Screenshots of the everyday screens (issue 16): list, editor, history and fleet, at 1280 and 390 px,
 * in the light and the dark theme. Kept as files in this test's output folder (test-results/, ignored by
 * git) and attached to the HTML report; each screen is first checked to show what it is meant to show,
 * so a blank or broken page fails the test rather than becoming a picture.
 */
const bucket = "demo-photos";

const screens = [
  {
    name: "list",
    path: `/buckets/${bucket}/styles`,
    ready: async (page: import("@playwright/test").Page) =>
      expect(page.getByRole("link", { name: "thumbnail", exact: true }).first()).toBeVisible(),
  },
  {
    name: "editor",
    path: `/buckets/${bucket}/styles/thumbnail/edit`,
    ready: async (page: import("@playwright/test").Page) => {
      await expect(page.getByLabel("Content")).toHaveText(/^image\//);
      await expectDimensions(page, 200, 200);
    },
  },
  {
    name: "history",
    path: `/buckets/${bucket}/styles/thumbnail/history`,
    ready: async (page: import("@playwright/test").Page) =>
      expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
  },
  {
    name: "fleet",
    path: `/fleet?reference=${bucket}`,
    ready: async (page: import("@playwright/test").Page) =>
      expect(page.getByRole("table", { name: /Styles of every bucket/ })).toBeVisible(),
  },
] as const;

for (const theme of ["light", "dark"] as const) {
  test(`screenshots of list, editor, history and fleet (${theme})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await signIn(page);
    for (const screen of screens) {
      for (const size of widths) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(screen.path);
        await screen.ready(page);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        const path = testInfo.outputPath(`${screen.name}-${size.name}-${theme}.png`);
        await page.screenshot({ path, fullPage: true, animations: "disabled" });
        await testInfo.attach(`${screen.name} at ${size.name} px, ${theme}`, {
          path,
          contentType: "image/png",
        });
      }
    }
  });
}
