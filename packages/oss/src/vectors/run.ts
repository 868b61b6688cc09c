import { canonicalHeaders, normalizeAdditionalHeaders, presign, signRequest } from "../signer/index.ts";
import { GROUPS, parseVector, type Vector, VectorFormatError } from "./format.ts";

export interface VectorResult {
  readonly id: string;
  readonly ok: boolean;
  /** Why it failed: `expected … got …`, or the malformed field. */
  readonly detail?: string;
}

// Keys the conventions list as orientation only (whole URLs), never compared.
const isOrientationKey = (key: string) => key.includes("url");

/** Values one run of the signer produced, under the names the `expected` object uses. */
type Produced = Record<string, string | undefined>;

function produce(v: Vector, additional: string[]): Produced {
  const { inputs } = v;
  if (v.mode === "canonical-headers-only") {
    return {
      canonical_headers: canonicalHeaders(
        inputs.headers,
        normalizeAdditionalHeaders(additional, inputs.headers),
      ),
    };
  }
  const date = inputs.date ?? new Date(Number.NaN);
  const ctx = {
    credentials: {
      accessKeyId: inputs.accessKeyId,
      accessKeySecret: inputs.accessKeySecret,
      securityToken: inputs.securityToken ?? undefined,
    },
    region: inputs.region,
    product: inputs.product,
    date,
  };
  const req = { ...inputs, query: inputs.query, headers: inputs.headers, additionalHeaders: additional };
  if (v.mode === "presigned-url") {
    // The Android presigner names the STS parameter `security-token` (its vectors list it so).
    const securityTokenParam = v.signerAddsQuery?.includes("security-token") ? "security-token" : undefined;
    const r = presign(
      req,
      { ...ctx, expiresSeconds: inputs.expiresSeconds ?? Number.NaN },
      { securityTokenParam },
    );
    return {
      ...Object.fromEntries(r.query),
      canonical_request: r.canonicalRequest,
      string_to_sign: r.stringToSign,
      signature: r.signature,
    };
  }
  // A vector whose signer adds no x-oss-date (the Android SDK) signs the time only in an unsigned Date header.
  const signDateHeader =
    v.signerAddsHeaders === null || v.signerAddsHeaders.some((n) => n.toLowerCase() === "x-oss-date");
  const r = signRequest(req, ctx, { signDateHeader });
  const lower = Object.fromEntries(Object.entries(r.headers).map(([k, x]) => [k.toLowerCase(), x]));
  return {
    ...lower,
    canonical_request: r.canonicalRequest,
    string_to_sign: r.stringToSign,
    signature: r.signature,
  };
}

function show(value: string | null | undefined): string {
  return value === null || value === undefined ? "(absent)" : JSON.stringify(value);
}

/** The first intermediate that differs from the file's `derived_not_in_source`, to say where it went wrong. */
function hint(v: Vector, got: Produced): string {
  for (const key of ["canonical_request", "string_to_sign"]) {
    const want = v.derived[key];
    if (want !== undefined && got[key] !== want)
      return ` (first differing intermediate: ${key} ${show(want)} vs ${show(got[key])})`;
  }
  return "";
}

function compare(v: Vector, got: Produced, label: string): string | undefined {
  for (const [key, want] of Object.entries(v.expected)) {
    if (isOrientationKey(key)) continue;
    const actual = got[key] ?? undefined;
    if ((want ?? undefined) !== actual)
      return `${label}${key}: expected ${show(want)} got ${show(actual)}${hint(v, got)}`;
  }
  return undefined;
}

/**
 * Signs one vector with this package's signer, once per additional-headers input, and compares
 * every expected field. Never throws: a malformed vector or a signer error is a failure.
 *
 * @example
 * runVector(json.vectors[0], "vectors[0]", "vectors"); // { id: "v4-header-basic", ok: true }
 */
export function runVector(raw: unknown, path: string, group: string): VectorResult {
  let id = path;
  try {
    const v = parseVector(raw, path, group);
    id = v.id;
    const inputs = v.inputs.additionalHeadersInputs;
    for (const [i, additional] of inputs.entries()) {
      const label = inputs.length > 1 ? `additional_headers_inputs[${i}] ` : "";
      const failure = compare(v, produce(v, additional), label);
      if (failure) return { id, ok: false, detail: failure };
    }
    return { id, ok: true };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { id, ok: false, detail };
  }
}

/**
 * Runs every vector of all three groups of a parsed vectors file.
 * Throws {@link VectorFormatError} only when the file has none of the groups.
 *
 * @example
 * const results = runVectorFile(JSON.parse(readFileSync("v4-vectors.json", "utf8")));
 * results.every((r) => r.ok);
 */
export function runVectorFile(json: unknown): VectorResult[] {
  if (typeof json !== "object" || json === null || !GROUPS.some((g) => g in json)) {
    throw new VectorFormatError("(root)", `expected an object with at least one of ${GROUPS.join(", ")}`);
  }
  const file = json as Record<string, unknown>;
  const results: VectorResult[] = [];
  for (const group of GROUPS) {
    const list = file[group];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      results.push({ id: group, ok: false, detail: `${group}: expected a list of vectors` });
      continue;
    }
    list.forEach((raw, i) => {
      results.push(runVector(raw, `${group}[${i}]`, group));
    });
  }
  return results;
}

/**
 * Formats results as the CLI prints them: `PASS <id>` / `FAIL <id>: …` lines, then `N passed, M failed`.
 *
 * @example
 * formatResults([{ id: "a", ok: true }]); // ["PASS a", "1 passed, 0 failed"]
 */
export function formatResults(results: readonly VectorResult[]): string[] {
  const lines = results.map((r) => (r.ok ? `PASS ${r.id}` : `FAIL ${r.id}: ${r.detail ?? "failed"}`));
  const passed = results.filter((r) => r.ok).length;
  lines.push(`${passed} passed, ${results.length - passed} failed`);
  return lines;
}
