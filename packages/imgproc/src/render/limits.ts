import { imageTooLarge } from "./error.ts";

/**
 * The OSS limits (img-syntax.md A.1.1), in one place so a probe against the real service can change
 * them in one commit.
 */
export const LIMITS = {
  /** Source file size: OSS refuses sources over 20 MB (raised quotas only apply to resize). */
  maxInputBytes: 20 * 1024 * 1024,
  maxInputSide: 30_000,
  /** Per-format source side limits with their own EC pages: HEIC 0040-00000013, AVIF 0040-00000014. */
  maxInputSideByFormat: { heic: [30_000, "0040-00000013"], avif: [10_000, "0040-00000014"] } as Readonly<
    Record<string, readonly [number, string]>
  >,
  /** Width × height × frames for animated sources. */
  maxInputPixels: 250_000_000,
  maxOutputSide: 16_384,
  maxOutputPixels: 16_777_216,
  maxWebpSide: 16_383,
  maxAvifPixels: 4096 * 2304,
  /** `rotate` refuses sources past 4096 px on a side. */
  maxRotateSide: 4096,
  /** Our own: a render that runs longer than this is stopped (OSS has no documented figure). */
  timeoutMs: 20_000,
} as const;

/**
 * Refuses a source past the OSS input limits, before any pixel is decoded.
 * @example
 * checkInputSize(20000, 14000, 1); // throws ImageTooLarge (280 MP > 250 MP)
 * checkInputSize(12000, 100, 1, "avif"); // throws ImageTooLarge, EC 0040-00000014
 */
export function checkInputSize(width: number, height: number, frames: number, format?: string): void {
  const [side, code] = (format && LIMITS.maxInputSideByFormat[format]) || [
    LIMITS.maxInputSide,
    "0040-00000012",
  ];
  if (width > side || height > side) {
    const what = format && LIMITS.maxInputSideByFormat[format] ? `${format.toUpperCase()} image` : "image";
    throw imageTooLarge(`The ${what} is ${width}x${height}; each side must be at most ${side} pixels.`, code);
  }
  if (width * height * frames > LIMITS.maxInputPixels) {
    throw imageTooLarge(
      `The image has ${width * height * frames} pixels (width x height x frames); the limit is ${LIMITS.maxInputPixels}.`,
      "0040-00000012",
    );
  }
}

/**
 * Refuses a resize target past the OSS output limits (EC 0040-00000007).
 * @example
 * checkOutputSize(5000, 5000); // throws ImageTooLarge (25 MP > 16,777,216 px)
 */
export function checkOutputSize(width: number, height: number): void {
  if (width > LIMITS.maxOutputSide || height > LIMITS.maxOutputSide) {
    throw imageTooLarge(
      `The target size ${width}x${height} is too large: each side must be at most ${LIMITS.maxOutputSide} pixels.`,
      "0040-00000007",
    );
  }
  if (width * height > LIMITS.maxOutputPixels) {
    throw imageTooLarge(
      `The target size ${width}x${height} is too large: at most ${LIMITS.maxOutputPixels} pixels.`,
      "0040-00000007",
    );
  }
}
