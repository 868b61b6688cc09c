// Gives the text-watermark tests the CJK fonts OSS draws with. On Debian as root (CI, the team's
// machines) it installs WenQuanYi Zen Hei and Micro Hei when they are missing; elsewhere it says how, and
// the one test that needs real Chinese glyphs reports itself skipped (the fallback tests run everywhere).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const fonts = {
  "fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
  "fonts-wqy-microhei": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
};
const missing = Object.entries(fonts)
  .filter(([, file]) => !existsSync(file))
  .map(([pkg]) => pkg);

if (missing.length === 0) {
  console.log("ensure-fonts: CJK fonts present");
} else if (process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  console.log(`ensure-fonts: apt-get install ${missing.join(" ")}`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
} else {
  console.warn(
    `ensure-fonts: ${missing.join(", ")} missing; install them (Debian: apt-get install ${missing.join(" ")}) ` +
      "or the CJK glyph test is skipped.",
  );
}
