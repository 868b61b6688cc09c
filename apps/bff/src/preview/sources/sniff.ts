/** The source formats OSS accepts, as the renderer names them. */
export type ImageKind = "jpg" | "png" | "gif" | "webp" | "bmp" | "tiff" | "heic" | "avif";

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

// ISO-BMFF brands (HEIF family): AVIF is AV1 in HEIF, the rest HEVC.
const avifBrands = new Set(["avif", "avis"]);
const heicBrands = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/**
 * The image type from the first bytes (magic numbers), never from a file name or a declared
 * Content-Type, which the uploader controls. `undefined`: not an image OSS would accept (SVG, PDF,
 * text, an executable…).
 * @example
 * sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0])); // "jpg"
 */
export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  const head6 = ascii(bytes, 0, 6);
  if (head6 === "GIF87a" || head6 === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return "bmp";
  const head4 = ascii(bytes, 0, 4);
  if (head4 === "II*\0" || head4 === "MM\0*") return "tiff";
  if (ascii(bytes, 4, 4) === "ftyp") {
    const brand = ascii(bytes, 8, 4);
    if (avifBrands.has(brand)) return "avif";
    if (heicBrands.has(brand)) return "heic";
  }
  return undefined;
}
