import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { adminToken, baseURL, oidcClient, oidcIssuer, port } from "./fixtures/stack.ts";
// @ts-expect-error: a plain .mjs helper shared with scripts/ensure-browser.mjs, typed by its JSDoc.
import { systemChromium } from "./scripts/browser.mjs";

// The whole stack as `pnpm start` runs it (built SPA + bundled BFF), on a port of its own and a fresh data
// directory, so a developer's running console and its data are never touched.
// Set on process.env so the test workers (which load this file again) see the same directory, and the
// tests can read the emulator's generated key from it (fixtures/stack.ts).
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), "style-console-e2e-"));
  process.env.E2E_DATA_DIR_CREATED = "1"; // global-teardown.ts removes only what we created
}
const dataDir = process.env.E2E_DATA_DIR;
const executablePath: string | undefined = systemChromium();

export default defineConfig({
  testDir: "tests",
  globalTeardown: "./global-teardown.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node ../apps/bff/dist/main.js",
    // Ready, not just alive: while the database migrates and reconciles, the API answers 503.
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_TOKEN: adminToken,
      // tests/oidc.spec.ts starts a real OpenID provider there (fixtures/oidc-provider.ts); the console
      // discovers it at the first single sign-on, so it may start before the provider does.
      OIDC_ISSUER: oidcIssuer,
      OIDC_CLIENT_ID: oidcClient.id,
      OIDC_CLIENT_SECRET: oidcClient.secret,
      OIDC_ROLE_CLAIM: "roles",
      OIDC_NAME: "Test SSO",
      // tests/usage.spec.ts waits for the emulator's access-log delivery: every 2 s, not every minute.
      EMULATOR_ACCESS_LOG_SECONDS: "2",
    },
  },
});
