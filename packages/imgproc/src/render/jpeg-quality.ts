/**
 * Estimates the quality a JPEG was saved at from its luminance quantisation table, the way
 * ImageMagick and the wchaws emulator do: compare the table with the IJG standard table scaled
 * for each quality 1–100 and take the closest. OSS needs this for relative quality (`quality,q_N`,
 * "new = source × N%") and to cap absolute quality (`Q_N` never above the source).
 */

// The IJG standard luminance table (JPEG spec K.1), in zig-zag order as stored in DQT segments.
const STD_LUMA_ZIGZAG = [
  16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58,
  51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103,
  62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
];

function scaledTable(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return STD_LUMA_ZIGZAG.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

const TABLES = Array.from({ length: 100 }, (_, i) => scaledTable(i + 1));

/** Reads the first 8-bit quantisation table (id 0, luminance) of a JPEG; undefined when absent. */
function readLumaTable(bytes: Uint8Array): number[] | undefined {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (marker === 0xdb) {
      let p = i + 4;
      const end = i + 2 + length;
      while (p < end) {
        const pq = (bytes[p] ?? 0) >> 4;
        const id = (bytes[p] ?? 0) & 0x0f;
        const size = pq === 0 ? 64 : 128;
        if (id === 0) {
          const table: number[] = [];
          for (let k = 0; k < 64; k++) {
            table.push(
              pq === 0
                ? (bytes[p + 1 + k] ?? 0)
                : ((bytes[p + 1 + 2 * k] ?? 0) << 8) | (bytes[p + 2 + 2 * k] ?? 0),
            );
          }
          return table;
        }
        p += 1 + size;
      }
    }
    // Stop at start-of-scan: every table a baseline or progressive file needs comes before it.
    if (marker === 0xda) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/**
 * The estimated quality (1–100) of a JPEG, or undefined when the bytes are not a JPEG with a
 * luminance table.
 * @example
 * estimateJpegQuality(await readFile("photo.jpg")); // e.g. 92
 */
export function estimateJpegQuality(bytes: Uint8Array): number | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const table = readLumaTable(bytes);
  if (!table) return undefined;
  let best = 0;
  let bestError = Number.POSITIVE_INFINITY;
  TABLES.forEach((candidate, index) => {
    let error = 0;
    for (let k = 0; k < 64; k++) error += Math.abs((candidate[k] ?? 0) - (table[k] ?? 0));
    if (error < bestError) {
      bestError = error;
      best = index + 1;
    }
  });
  return best;
}
