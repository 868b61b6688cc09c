import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { screenshotAtWidths } from "../fixtures/screens.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

/**
 * Example values for the path parameters of the registered screens. A screen whose path needs a
 * parameter not listed here fails the test with its name, so a new screen is never silently skipped.
 */
const examples: Record<string, string> = { bucket: "demo-photos", name: "thumbnail" };

/** The SPA's registered screens (main.tsx publishes them), as concrete paths. */
async function screens(page: Page): Promise<string[]> {
  await page.goto("/");
  await page.waitForFunction(() => "__STYLE_CONSOLE_SCREENS__" in window);
  const paths = await page.evaluate(
    () => (window as unknown as { __STYLE_CONSOLE_SCREENS__: string[] }).__STYLE_CONSOLE_SCREENS__,
  );
  return paths.map((path) =>
    path.replace(/\$(\w+)/g, (_, name: string) => {
      const value = examples[name];
      if (!value) throw new Error(`screen ${path}: add an example for $${name} to e2e/tests/a11y.spec.ts`);
      return encodeURIComponent(value);
    }),
  );
}

const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

for (const locale of ["en", "zh-CN"] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`every screen has no serious or critical axe violation (${locale}, ${theme})`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      await page.addInitScript(
        ({ l, th }) => {
          localStorage.setItem("style-console.locale", l);
          localStorage.setItem("style-console.theme", th);
        },
        { l: locale, th: theme },
      );
      await signIn(page);
      const paths = await screens(page);
      expect(paths.length).toBeGreaterThanOrEqual(4);
      for (const path of paths) {
        await test.step(path, async () => {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
          await expect(page.locator("main h1").first()).toBeVisible();
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
          const result = await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            .analyze();
          const bad = result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          expect(bad, `${path} in ${locale}/${theme}`).toEqual([]);
          // Screenshots of every screen at 1280 and 390 px, light and dark, kept as artifacts (English only).
          if (locale === "en") await screenshotAtWidths(page, testInfo, `${slug(path)}-${theme}`);
        });
      }
    });
  }
}
