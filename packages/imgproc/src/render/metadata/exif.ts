/**
 * A small reader of the EXIF block sharp hands back (`metadata().exif`): IFD0, the Exif sub-IFD and
 * the GPS IFD, values as the strings OSS's `image/info` shows (`96/1`, `2`, `2015:06:01 10:00:00`).
 * It reads only what it can bound-check; a broken block yields fewer tags, never an exception.
 */

const NAMES: Record<number, string> = {
  270: "ImageDescription",
  271: "Make",
  272: "Model",
  274: "Orientation",
  282: "XResolution",
  283: "YResolution",
  296: "ResolutionUnit",
  305: "Software",
  306: "DateTime",
  315: "Artist",
  531: "YCbCrPositioning",
  33432: "Copyright",
  33434: "ExposureTime",
  33437: "FNumber",
  34850: "ExposureProgram",
  34855: "ISOSpeedRatings",
  36864: "ExifVersion",
  36867: "DateTimeOriginal",
  36868: "DateTimeDigitized",
  37377: "ShutterSpeedValue",
  37378: "ApertureValue",
  37380: "ExposureBiasValue",
  37383: "MeteringMode",
  37385: "Flash",
  37386: "FocalLength",
  40961: "ColorSpace",
  40962: "PixelXDimension",
  40963: "PixelYDimension",
  41986: "ExposureMode",
  41987: "WhiteBalance",
  41989: "FocalLengthIn35mmFilm",
  42036: "LensModel",
};

const GPS_NAMES: Record<number, string> = {
  0: "GPSVersionID",
  1: "GPSLatitudeRef",
  2: "GPSLatitude",
  3: "GPSLongitudeRef",
  4: "GPSLongitude",
  5: "GPSAltitudeRef",
  6: "GPSAltitude",
  7: "GPSTimeStamp",
  29: "GPSDateStamp",
};

// Bytes per component of each TIFF type (1 BYTE … 10 SRATIONAL).
const SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8];

/**
 * Parses an EXIF block (with or without the `Exif\0\0` prefix) into tag name → string value.
 * @example
 * readExif((await sharp(bytes).metadata()).exif); // { Orientation: "7", XResolution: "96/1", … }
 */
export function readExif(block: Uint8Array | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!block || block.length < 8) return tags;
  const start = block[0] === 0x45 && block[1] === 0x78 ? 6 : 0; // "Exif\0\0"
  const view = new DataView(block.buffer, block.byteOffset + start, block.byteLength - start);
  if (view.byteLength < 8) return tags;
  const little = view.getUint16(0) === 0x4949;
  const u16 = (o: number) => (o + 2 <= view.byteLength ? view.getUint16(o, little) : 0);
  const u32 = (o: number) => (o + 4 <= view.byteLength ? view.getUint32(o, little) : 0);
  const i32 = (o: number) => (o + 4 <= view.byteLength ? view.getInt32(o, little) : 0);

  const value = (type: number, count: number, at: number): string | undefined => {
    const size = (SIZES[type] ?? 0) * count;
    if (size === 0) return undefined;
    const o = size <= 4 ? at : u32(at);
    if (o + size > view.byteLength) return undefined;
    const parts: string[] = [];
    if (type === 2 || type === 7) {
      let s = "";
      for (let k = 0; k < count; k++) s += String.fromCharCode(view.getUint8(o + k));
      return s.replace(/\0+$/, "").trim();
    }
    for (let k = 0; k < Math.min(count, 16); k++) {
      if (type === 1 || type === 6) parts.push(String(view.getUint8(o + k)));
      else if (type === 3 || type === 8) parts.push(String(u16(o + 2 * k)));
      else if (type === 4) parts.push(String(u32(o + 4 * k)));
      else if (type === 9) parts.push(String(i32(o + 4 * k)));
      else if (type === 5) parts.push(`${u32(o + 8 * k)}/${u32(o + 8 * k + 4)}`);
      else if (type === 10) parts.push(`${i32(o + 8 * k)}/${i32(o + 8 * k + 4)}`);
    }
    return parts.join(" ");
  };

  const walk = (offset: number, names: Record<number, string>, depth: number): void => {
    if (depth > 2 || offset < 8 || offset + 2 > view.byteLength) return;
    const count = Math.min(u16(offset), 512);
    for (let k = 0; k < count; k++) {
      const entry = offset + 2 + 12 * k;
      if (entry + 12 > view.byteLength) return;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (tag === 0x8769) walk(u32(entry + 8), NAMES, depth + 1);
      else if (tag === 0x8825) walk(u32(entry + 8), GPS_NAMES, depth + 1);
      else {
        const name = names[tag];
        const v = name ? value(type, n, entry + 8) : undefined;
        if (name && v !== undefined && v !== "") tags[name] = v;
      }
    }
  };
  walk(u32(4), NAMES, 0);
  return tags;
}
