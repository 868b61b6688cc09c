/**
 * The bench's outside peers, found on PATH: Pillow (a `python3` that can `import PIL`) and
 * ImageMagick (a `convert` or `magick` whose `-version` says `Version: ImageMagick`). A peer that is
 * missing is reported "not measured" with the reason; the bench never crashes over one.
 * `scripts/ensure-bench-peers.mjs` installs them first where it can (Debian as root), as the tests do
 * for Chromium and the CJK fonts.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";

export type Peer =
  | { readonly name: string; readonly available: true; readonly command: string; readonly version: string }
  | { readonly name: string; readonly available: false; readonly reason: string };

/** Every executable named `name` on `path`, in PATH order. */
export function onPath(name: string, path: string | undefined): string[] {
  const found: string[] = [];
  for (const dir of (path ?? "").split(delimiter)) {
    if (dir === "") continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      // /bin is often /usr/bin: list each program once.
      if (!found.some((f) => realpathSync(f) === realpathSync(file))) found.push(file);
    } catch {
      // not there, or not executable
    }
  }
  return found;
}

function output(command: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  try {
    return execFileSync(command, args, {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 10_000,
    });
  } catch {
    return undefined;
  }
}

const INSTALL = "Debian: apt-get install python3-pil imagemagick (pnpm bench does it when run as root)";

/**
 * Finds Pillow: the first `python3` on `env.PATH` that imports PIL.
 *
 * @example
 * findPillow(process.env); // { name: "Pillow", available: true, command: "/usr/bin/python3", version: "10.2.0" }
 */
export function findPillow(env: NodeJS.ProcessEnv): Peer {
  const pythons = onPath("python3", env.PATH);
  for (const python of pythons) {
    const version = output(python, ["-c", "import PIL; print(PIL.__version__)"], env)?.trim();
    if (version) return { name: "Pillow", available: true, command: python, version };
  }
  const reason =
    pythons.length === 0
      ? `no python3 on PATH (${INSTALL})`
      : `no python3 on PATH can import PIL (tried ${pythons.join(", ")}; ${INSTALL})`;
  return { name: "Pillow", available: false, reason };
}

/**
 * Finds ImageMagick: the first `convert` or `magick` on `env.PATH` whose `-version` names it (a
 * stand-in script called `convert` is not ImageMagick).
 *
 * @example
 * findImageMagick(process.env); // { name: "ImageMagick", available: true, command: "/usr/bin/convert", version: "6.9.11-60" }
 */
export function findImageMagick(env: NodeJS.ProcessEnv): Peer {
  const candidates = [...onPath("magick", env.PATH), ...onPath("convert", env.PATH)];
  for (const command of candidates) {
    const version = /^Version: ImageMagick (\S+)/m.exec(output(command, ["-version"], env) ?? "")?.[1];
    if (version) return { name: "ImageMagick", available: true, command, version };
  }
  const reason =
    candidates.length === 0
      ? `no convert or magick on PATH (${INSTALL})`
      : `${candidates.join(", ")} ${candidates.length === 1 ? "is" : "are"} not ImageMagick (${INSTALL})`;
  return { name: "ImageMagick", available: false, reason };
}

/**
 * The table cell of a peer's figure: the number, or "not measured" when the peer is absent.
 *
 * @example
 * cell(undefined); // "not measured"
 */
export function cell(value: string | undefined): string {
  return value ?? "not measured";
}
