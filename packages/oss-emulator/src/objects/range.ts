/**
 * The `Range` header of GetObject as OSS serves it (the "HTTP Range" page): by default a range that is
 * malformed or outside the object is ignored and the whole object is served with 200; with
 * `x-oss-range-behavior: standard` the RFC 7233 rules apply: an end past the object is clipped, a
 * start past it (or a zero-length suffix, or any range of an empty object) is 416 InvalidRange.
 * OSS serves one range: of several, the default behaviour serves the first (the page's own example)
 * and the standard behaviour refuses them (the 416 page names "multiple ranges" as a cause).
 */

export type RangeDecision = { start: number; end: number } | "unsatisfiable" | undefined;

interface Spec {
  readonly first: number | undefined;
  readonly last: number | undefined;
}

function specsOf(header: string): Spec[] | undefined {
  const m = /^bytes=(.+)$/.exec(header.trim());
  if (!m?.[1]) return undefined;
  const specs: Spec[] = [];
  for (const part of m[1].split(",")) {
    const r = /^\s*(\d*)-(\d*)\s*$/.exec(part);
    if (!r || (r[1] === "" && r[2] === "")) return undefined;
    const first = r[1] === "" ? undefined : Number(r[1]);
    const last = r[2] === "" ? undefined : Number(r[2]);
    if (first !== undefined && last !== undefined && last < first) return undefined;
    specs.push({ first, last });
  }
  return specs;
}

function lenient(spec: Spec, size: number): RangeDecision {
  if (spec.first === undefined) {
    const suffix = spec.last ?? 0;
    return suffix > 0 && suffix <= size ? { start: size - suffix, end: size - 1 } : undefined;
  }
  const end = spec.last ?? size - 1;
  return spec.first < size && end < size ? { start: spec.first, end } : undefined;
}

function standard(spec: Spec, size: number): RangeDecision {
  if (size === 0) return "unsatisfiable";
  if (spec.first === undefined) {
    const suffix = spec.last ?? 0;
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  if (spec.first >= size) return "unsatisfiable";
  return { start: spec.first, end: Math.min(spec.last ?? size - 1, size - 1) };
}

/**
 * Decides a `Range` header for an object of `size` bytes: a byte interval (inclusive) for 206,
 * `"unsatisfiable"` for 416, or `undefined` to serve the whole object with 200.
 *
 * @example
 * decideRange("bytes=1000-2000", 1000, false); // undefined: OSS serves the whole object
 * decideRange("bytes=1000-2000", 1000, true); // "unsatisfiable"
 * decideRange("bytes=0-9", 1000, false); // { start: 0, end: 9 }
 */
export function decideRange(header: string | undefined, size: number, strict: boolean): RangeDecision {
  if (header === undefined) return undefined;
  const specs = specsOf(header);
  if (!specs) return undefined;
  const [first] = specs;
  if (!first) return undefined;
  if (!strict) return lenient(first, size);
  return specs.length > 1 ? "unsatisfiable" : standard(first, size);
}
