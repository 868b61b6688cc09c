import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cjkCharacters,
  fontsFingerprint,
  installedFonts,
  missingGlyphs,
  parseCharset,
  warnMissingGlyphs,
} from "./glyphs.ts";

const LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/** A fontconfig of its own: only the fonts in `dir`, so the tests do not depend on the machine's fonts. */
function ownFontconfig() {
  const root = mkdtempSync(join(tmpdir(), "glyphs-"));
  const dir = join(root, "fonts");
  const cacheDir = join(root, "cache");
  const file = join(root, "fonts.conf");
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}</dir><cachedir>${cacheDir}</cachedir></fontconfig>`,
  );
  mkdirSync(dir);
  return { root, dir, env: { ...process.env, FONTCONFIG_FILE: file } };
}

describe("parseCharset", () => {
  it.each([
    [
      "20-7e a0",
      [
        [0x20, 0x7e],
        [0xa0, 0xa0],
      ],
    ],
    [
      "4e00-9fa5 20-7e",
      [
        [0x20, 0x7e],
        [0x4e00, 0x9fa5],
      ],
    ],
    ["", []],
  ] as const)("%j", (text, ranges) => {
    expect(parseCharset(text)).toEqual(ranges);
  });
});

describe("missingGlyphs", () => {
  const latin = {
    fingerprint: "x",
    fonts: [{ family: "L", file: "l.ttf", charset: parseCharset("20-7e a0-ff") }],
  };
  it("names only the characters no font covers, once each, skipping spaces", () => {
    expect(missingGlyphs("Hello 你好 你", latin)).toEqual(["你", "好"]);
    expect(missingGlyphs("Hello, World!", latin)).toEqual([]);
  });
  it("any font covering a character is enough (Pango falls back per character)", () => {
    const both = {
      ...latin,
      fonts: [...latin.fonts, { family: "C", file: "c.ttf", charset: parseCharset("4e00-9fa5") }],
    };
    expect(missingGlyphs("Hello 你好", both)).toEqual([]);
  });
  it("the script guess without fontconfig knows CJK from Latin", () => {
    expect(cjkCharacters("Hi 图片 カ 한")).toEqual(["图", "片", "カ", "한"]);
    expect(cjkCharacters("Ünïcödé")).toEqual([]);
  });
});

describe("installed fonts, asked of fontconfig", () => {
  const own = ownFontconfig();
  afterAll(() => rmSync(own.root, { recursive: true, force: true }));

  it("warns about Latin text while no font is installed, and stops once one appears", async () => {
    const options = { env: own.env, maxAgeMs: 0, cjkFontPresent: false };
    const before: string[] = [];
    await warnMissingGlyphs("Hello", before, options);
    expect(before.join()).toMatch(/glyphs for "Helo"/);
    const emptyPrint = await fontsFingerprint(options);

    copyFileSync(LATIN_FONT, join(own.dir, "DejaVuSans.ttf"));
    const after: string[] = [];
    await warnMissingGlyphs("Hello", after, options);
    expect(after).toEqual([]);
    // The fingerprint (part of the preview's ETag) changed with the fonts.
    expect(await fontsFingerprint(options)).not.toBe(emptyPrint);
    // Chinese is still missing from a Latin font.
    const cjk: string[] = [];
    await warnMissingGlyphs("Hello 你好", cjk, options);
    expect(cjk.join()).toMatch(/"你好"/);
  });

  it("without fc-list it guesses from the script and the CJK font files", async () => {
    const options = { command: "/nonexistent/fc-list", maxAgeMs: 0 };
    expect(await installedFonts(options)).toBeNull();
    const none: string[] = [];
    await warnMissingGlyphs("Hello", none, { ...options, cjkFontPresent: false });
    expect(none).toEqual([]);
    const cjk: string[] = [];
    await warnMissingGlyphs("Hello 你好", cjk, { ...options, cjkFontPresent: false });
    expect(cjk.join()).toMatch(/"你好"/);
    const present: string[] = [];
    await warnMissingGlyphs("你好", present, { ...options, cjkFontPresent: true });
    expect(present).toEqual([]);
  });
});
