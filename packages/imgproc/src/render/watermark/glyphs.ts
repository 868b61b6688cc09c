import { execFile } from "node:child_process";
import { createHash } from "node:crypto";

/** Inclusive Unicode code point ranges, `[first, last]`, sorted. */
export type CodePointRanges = ReadonlyArray<readonly [number, number]>;

/** The fonts installed on this machine as fontconfig sees them, with what they can draw. */
export interface InstalledFonts {
  fonts: ReadonlyArray<{ family: string; file: string; charset: CodePointRanges }>;
  /** Changes whenever a font is added, removed or changed (a hash of fontconfig's listing). */
  fingerprint: string;
}

/**
 * Reads fontconfig's charset notation (`fc-list --format '%{charset}'`): space-separated hex code
 * points and ranges, `20-7e a0 4e00-9fa5`.
 * @example
 * parseCharset("20-7e a0"); // [[0x20, 0x7e], [0xa0, 0xa0]]
 */
export function parseCharset(text: string): CodePointRanges {
  const ranges: Array<[number, number]> = [];
  for (const part of text.trim().split(/\s+/)) {
    if (part === "") continue;
    const [first, last = first] = part.split("-");
    const a = Number.parseInt(first ?? "", 16);
    const b = Number.parseInt(last ?? "", 16);
    if (Number.isFinite(a) && Number.isFinite(b)) ranges.push([a, b]);
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

const covers = (ranges: CodePointRanges, cp: number): boolean => {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (!range) break;
    if (cp < range[0]) hi = mid - 1;
    else if (cp > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
};

/** Characters that need no glyph: white space, controls and format marks (ZWJ, variation selectors). */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}]/u;

/**
 * The distinct characters of `text` that no installed font can draw, in order of appearance. Pango
 * falls back from the chosen face to any installed font per character, so a character is drawable
 * when any font covers it.
 * @example
 * missingGlyphs("Hello 你好", latinOnly); // ["你", "好"]
 */
export function missingGlyphs(text: string, installed: InstalledFonts): string[] {
  const missing: string[] = [];
  for (const char of new Set(text)) {
    if (INVISIBLE.test(char)) continue;
    const cp = char.codePointAt(0) ?? 0;
    if (!installed.fonts.some((font) => covers(font.charset, cp))) missing.push(char);
  }
  return missing;
}

/** Scripts only CJK fonts draw: the guess used when fontconfig's `fc-list` cannot be asked. */
const CJK =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** The CJK characters of `text` (distinct, in order): what a machine without a CJK font cannot draw. */
export function cjkCharacters(text: string): string[] {
  return [...new Set(text)].filter((char) => CJK.test(char));
}

export interface FontListOptions {
  /** The fontconfig lister (default `fc-list`, from Debian's `fontconfig` package). */
  command?: string;
  /** Its environment (tests point `FONTCONFIG_FILE` at a configuration of their own). */
  env?: NodeJS.ProcessEnv;
  /** How long a listing is reused before fontconfig is asked again (default 5000 ms). */
  maxAgeMs?: number;
}

const FORMAT = "%{family[0]}\\t%{file}\\t%{charset}\\n";

function listFonts(command: string, env: NodeJS.ProcessEnv | undefined): Promise<InstalledFonts | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      ["--format", FORMAT],
      { env: env ?? process.env, maxBuffer: 64 * 1024 * 1024, timeout: 10_000 },
      (error, stdout) => {
        // No fontconfig tools on this machine: the caller falls back to a script-based guess.
        if (error) return resolve(null);
        const fonts = stdout
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => {
            const [family = "", file = "", charset = ""] = line.split("\t");
            return { family, file, charset: parseCharset(charset) };
          });
        const lines = stdout.split("\n").sort().join("\n");
        const fingerprint = createHash("sha256").update(lines).digest("base64url").slice(0, 16);
        resolve({ fonts, fingerprint });
      },
    );
  });
}

const cache = new Map<string, { at: number; value: Promise<InstalledFonts | null> }>();

/**
 * The installed fonts and their coverage, from `fc-list` (about 10 ms), kept for `maxAgeMs`; after
 * that the kept listing is answered once more while a fresh one is read, so a font installed while the
 * console runs is seen within seconds and no render waits for fontconfig. Null when `fc-list` is
 * missing or fails.
 * @example
 * const fonts = await installedFonts();
 * if (fonts) missingGlyphs("你好", fonts);
 */
export async function installedFonts(options: FontListOptions = {}): Promise<InstalledFonts | null> {
  const command = options.command ?? "fc-list";
  const key = `${command}\n${options.env?.FONTCONFIG_FILE ?? ""}`;
  const maxAge = options.maxAgeMs ?? 5000;
  const now = performance.now();
  const kept = cache.get(key);
  if (kept && now - kept.at <= maxAge) return kept.value;
  const fresh = { at: now, value: listFonts(command, options.env) };
  cache.set(key, fresh);
  // Stale but present: answer it now; the next caller gets the fresh listing.
  if (kept && maxAge > 0) return kept.value;
  return fresh.value;
}

/**
 * A fingerprint of the installed fonts ("" without fontconfig): part of a preview's cache key, so a
 * result drawn (or warned about) before a font was installed is not served after.
 * @example
 * const etagParts = [version, sourceHash, draft, await fontsFingerprint()];
 */
export async function fontsFingerprint(options: FontListOptions = {}): Promise<string> {
  return (await installedFonts(options))?.fingerprint ?? "";
}

/**
 * Warns when the watermark `text` needs glyphs that no installed font has (they would render as
 * boxes), naming them: asked of fontconfig by code point, so Latin text on a machine with only Latin
 * fonts never warns, and Chinese text warns only while no font covers it. Without `fc-list`, CJK
 * characters are assumed missing exactly when `cjkFontPresent` is false.
 * @example
 * await warnMissingGlyphs("你好", warnings, { cjkFontPresent: false });
 * // warnings: ['No installed font has glyphs for "你好": they render as boxes …']
 */
export async function warnMissingGlyphs(
  text: string,
  warnings: string[],
  options: FontListOptions & { cjkFontPresent: boolean },
): Promise<void> {
  const installed = await installedFonts(options);
  const missing = installed
    ? missingGlyphs(text, installed)
    : options.cjkFontPresent
      ? []
      : cjkCharacters(text);
  if (missing.length === 0) return;
  const shown = missing.slice(0, 12).join("");
  const more = missing.length > 12 ? ` and ${missing.length - 12} more` : "";
  warnings.push(
    `No installed font has glyphs for "${shown}"${more}: they render as boxes (for Chinese, install fonts-wqy-zenhei).`,
  );
}
