// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else none
// (Playwright's own build). Shared by ensure-browser.mjs and playwright.config.ts.
import { existsSync } from "node:fs";

/** @returns {string | undefined} the system Chromium to use, or undefined for Playwright's own. */
export function systemChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return env.CHROMIUM_PATH;
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}
