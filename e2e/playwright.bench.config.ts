import { defineConfig } from "@playwright/test";
import base from "./playwright.config.ts";

/**
 * Benchmarks in the browser, against the same stack as the tests (built SPA + bundled BFF, fresh data
 * directory). Run by `pnpm --filter @style-console/e2e bench`, never by `test`: timings belong in
 * benchmarks, not in pass/fail tests.
 */
export default defineConfig({
  ...base,
  testDir: "bench",
  testMatch: /.*\.bench\.ts$/,
  timeout: 240_000,
  reporter: [["list"]],
  use: { ...base.use, trace: "off", screenshot: "off" },
});
