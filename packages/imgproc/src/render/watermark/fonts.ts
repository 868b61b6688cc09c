import { existsSync } from "node:fs";

/** A font the renderer can hand to Pango: its family name and, when known, its file. */
export interface FontFace {
  family: string;
  file?: string;
}

/**
 * The OSS font names (img-syntax.md A.2.13) mapped to Debian's free CJK fonts. OSS's four FangZheng
 * fonts are commercial: they have no entry and fall back (with a warning) to the first font present.
 * Debian packages: fonts-wqy-zenhei, fonts-wqy-microhei, fonts-droid-fallback.
 */
export const DEFAULT_FONTS: Readonly<Record<string, FontFace>> = {
  "wqy-zenhei": { family: "WenQuanYi Zen Hei", file: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" },
  "wqy-microhei": { family: "WenQuanYi Micro Hei", file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" },
  droidsansfallback: {
    family: "Droid Sans Fallback",
    file: "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  },
};

/** The order in which a missing font is replaced: CJK-capable fonts first. */
const FALLBACKS = ["wqy-zenhei", "wqy-microhei", "droidsansfallback"];

/** OSS's default font (`type` absent). */
export const DEFAULT_FONT_NAME = "wqy-zenhei";

const present = (face: FontFace | undefined): face is FontFace =>
  face !== undefined && (face.file === undefined || existsSync(face.file));

/**
 * Picks the face for an OSS font name: the caller's table first, then ours, then the first
 * CJK-capable font present; when none is, Pango's default "sans". Only a font the style names
 * (`explicit`) that is substituted is reported in `warnings`: OSS's default font missing here says
 * nothing by itself, since what matters is whether the text's glyphs can be drawn (see
 * `warnMissingGlyphs`).
 * @example
 * const face = pickFont("fangzhengkaiti", undefined, warnings); // WenQuanYi Zen Hei + a warning
 */
export function pickFont(
  name: string,
  custom: Record<string, FontFace> | undefined,
  warnings: string[],
  explicit = true,
): FontFace {
  const table = { ...DEFAULT_FONTS, ...custom };
  const wanted = table[name];
  if (present(wanted)) return wanted;
  for (const fallback of FALLBACKS) {
    const face = table[fallback];
    if (present(face)) {
      if (explicit)
        warnings.push(
          `Font "${name}" is not available here; the watermark uses "${fallback}" (${face.family}).`,
        );
      return face;
    }
  }
  if (explicit)
    warnings.push(`Font "${name}" is not available here; the watermark uses the default sans font.`);
  return { family: "sans" };
}

/** Whether any CJK-capable font of the table is present (the guess used without fontconfig). */
export function hasCjkFont(custom: Record<string, FontFace> | undefined): boolean {
  const table = { ...DEFAULT_FONTS, ...custom };
  return FALLBACKS.some((name) => present(table[name]));
}
