// Makes sure the browser tests have a Chromium before they start. On Debian as root (CI, the team's
// machines) it installs Debian's chromium; elsewhere it asks Playwright to download its own build.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { systemChromium } from "./browser.mjs";

function run(command, args) {
  console.log(`ensure-browser: ${command} ${args.join(" ")}`);
  execFileSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

const found = systemChromium();
if (found) {
  console.log(`ensure-browser: using ${found}`);
} else if (process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"]);
  if (!systemChromium())
    throw new Error("ensure-browser: apt-get installed chromium but /usr/bin/chromium is missing");
} else {
  run("pnpm", ["exec", "playwright", "install", "chromium"]);
}
