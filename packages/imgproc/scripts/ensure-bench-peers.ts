// Gives the render bench its outside peers, Pillow and ImageMagick, as the tests get Chromium and the
// CJK fonts: on Debian as root it installs the missing ones with apt-get (python3-pil, imagemagick);
// elsewhere, or when that fails, it says so and the bench prints those columns "not measured" with
// the reason. It never fails the bench.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findImageMagick, findPillow, type Peer } from "../bench/peers.ts";

const packages: Record<string, string> = { Pillow: "python3-pil", ImageMagick: "imagemagick" };
const detect = (): Peer[] => [findPillow(process.env), findImageMagick(process.env)];
const missing = (peers: Peer[]) => peers.filter((p) => !p.available);

let peers = detect();
const wanted = missing(peers).map((p) => packages[p.name] ?? p.name);
if (wanted.length === 0) {
  console.log(
    `ensure-bench-peers: ${peers.map((p) => (p.available ? `${p.name} ${p.version}` : "")).join(", ")}`,
  );
} else if (process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  console.log(`ensure-bench-peers: apt-get install ${wanted.join(" ")}`);
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...wanted], {
      stdio: "inherit",
      env,
    });
  } catch (error) {
    console.warn(`ensure-bench-peers: apt-get failed (${(error as Error).message.split("\n")[0]})`);
  }
  peers = detect();
}
for (const peer of missing(peers)) {
  console.warn(`ensure-bench-peers: ${peer.name} will be reported "not measured": ${peer.reason}`);
}
