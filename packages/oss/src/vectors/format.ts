/**
 * Reading a vectors file in the format of `v4-vectors.json` (see its `conventions`). Every field is
 * checked here once; a bad field is reported with its JSON path and the vector is failed, not skipped.
 */

export type Mode = "authorization-header" | "presigned-url" | "canonical-headers-only";

export interface VectorInputs {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string | null;
  readonly region: string;
  readonly product: string;
  readonly method: string;
  readonly bucket: string | null;
  readonly key: string | null;
  readonly query: [string, string][];
  readonly headers: Record<string, string>;
  readonly additionalHeadersInputs: string[][];
  /** Whole-second signing instant (ms truncated as the conventions say). */
  readonly date: Date | null;
  readonly expiresSeconds: number | null;
}

export interface Vector {
  readonly id: string;
  readonly group: string;
  readonly mode: Mode;
  readonly inputs: VectorInputs;
  /** Names of headers the signer adds, when the vector lists them (`signer_adds_headers`). */
  readonly signerAddsHeaders: string[] | null;
  /** Query parameters the signer adds (`signer_adds_query`), when listed. */
  readonly signerAddsQuery: string[] | null;
  readonly expected: Record<string, string | null>;
  readonly derived: Record<string, string>;
}

export const GROUPS = ["vectors", "supplementary_vectors", "derived_style_vectors"] as const;

/**
 * A malformed vectors file or vector, with the JSON path of the bad field.
 *
 * @example
 * new VectorFormatError("vectors[2].inputs.method", "expected a string").message;
 * // "vectors[2].inputs.method: expected a string"
 */
export class VectorFormatError extends Error {
  override readonly name = "VectorFormatError";
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(obj: Record<string, Json>, name: string, path: string, fallback?: string): string {
  const v = obj[name];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "string")
    throw new VectorFormatError(`${path}.${name}`, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function strOrNull(obj: Record<string, Json>, name: string, path: string): string | null {
  const v = obj[name];
  if (v === undefined || v === null) return null;
  return str(obj, name, path);
}

function stringList(v: Json, path: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
    throw new VectorFormatError(path, "expected a list of strings");
  }
  return v;
}

function stringRecord(v: Json, path: string): Record<string, string> {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new VectorFormatError(path, "expected an object of strings");
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== "string") throw new VectorFormatError(`${path}.${k}`, "expected a string");
  }
  return v as Record<string, string>;
}

function queryPairs(v: Json, path: string): [string, string][] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new VectorFormatError(path, "expected a list of [name, value] pairs");
  return v.map((pair, i) => {
    const [n, val] = stringList(pair, `${path}[${i}]`);
    if (n === undefined || val === undefined || (pair as Json[]).length !== 2) {
      throw new VectorFormatError(`${path}[${i}]`, "expected exactly [name, value]");
    }
    return [n, val];
  });
}

function integer(obj: Record<string, Json>, name: string, path: string): number | undefined {
  const v = obj[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new VectorFormatError(`${path}.${name}`, "expected an integer");
  return v;
}

function signingDate(inputs: Record<string, Json>, path: string): Date | null {
  const unix = integer(inputs, "signing_time_unix", path);
  if (unix !== undefined) return new Date(unix * 1000);
  const ms = integer(inputs, "signing_time_unix_ms", path);
  if (ms !== undefined) return new Date(Math.floor(ms / 1000) * 1000);
  const iso = strOrNull(inputs, "signing_time_iso", path);
  if (iso === null) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(iso);
  if (!m) throw new VectorFormatError(`${path}.signing_time_iso`, `expected YYYYMMDDTHHMMSSZ, got "${iso}"`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

function additionalInputs(inputs: Record<string, Json>, path: string): string[][] {
  if (Array.isArray(inputs.additional_headers_inputs)) {
    const lists = inputs.additional_headers_inputs.map((l, i) =>
      stringList(l, `${path}.additional_headers_inputs[${i}]`),
    );
    return lists.length > 0 ? lists : [[]];
  }
  // canonical-headers-only vectors carry a single `additional_headers` list.
  if (inputs.additional_headers !== undefined)
    return [stringList(inputs.additional_headers, `${path}.additional_headers`)];
  return [[]];
}

function parseInputs(inputs: Record<string, Json>, path: string, mode: Mode): VectorInputs {
  const needsCreds = mode !== "canonical-headers-only";
  const date = signingDate(inputs, path);
  if (needsCreds && date === null)
    throw new VectorFormatError(path, "no signing_time_unix, signing_time_unix_ms or signing_time_iso");
  let expiresSeconds: number | null = integer(inputs, "expires_seconds", path) ?? null;
  const expiration = integer(inputs, "expiration_unix", path);
  if (expiresSeconds === null && expiration !== undefined && date)
    expiresSeconds = expiration - date.getTime() / 1000;
  if (mode === "presigned-url" && expiresSeconds === null) {
    throw new VectorFormatError(path, "a presigned-url vector needs expiration_unix or expires_seconds");
  }
  return {
    accessKeyId: needsCreds ? str(inputs, "access_key_id", path) : "",
    accessKeySecret: needsCreds ? str(inputs, "access_key_secret", path) : "",
    securityToken: strOrNull(inputs, "security_token", path),
    region: needsCreds ? str(inputs, "region", path) : "",
    product: str(inputs, "product", path, "oss"),
    method: needsCreds ? str(inputs, "method", path) : "GET",
    bucket: strOrNull(inputs, "bucket", path),
    key: strOrNull(inputs, "key", path),
    query: queryPairs(inputs.query_params, `${path}.query_params`),
    headers: stringRecord(inputs.request_headers, `${path}.request_headers`),
    additionalHeadersInputs: additionalInputs(inputs, path),
    date,
    expiresSeconds,
  };
}

function modeOf(v: Record<string, Json>, expected: Record<string, Json>, path: string): Mode {
  const mode = v.mode;
  if (mode === "authorization-header" || mode === "presigned-url" || mode === "canonical-headers-only")
    return mode;
  if (mode !== undefined) throw new VectorFormatError(`${path}.mode`, `unknown mode ${JSON.stringify(mode)}`);
  if ("authorization" in expected) return "authorization-header";
  if ("x-oss-signature" in expected) return "presigned-url";
  if ("canonical_headers" in expected) return "canonical-headers-only";
  throw new VectorFormatError(
    path,
    "no mode and no expected authorization, x-oss-signature or canonical_headers",
  );
}

/**
 * Checks one vector object and returns it in a typed form.
 *
 * @example
 * parseVector(json.vectors[0], "vectors[0]", "vectors").id; // "v4-header-basic"
 */
export function parseVector(raw: Json, path: string, group: string): Vector {
  if (!isRecord(raw)) throw new VectorFormatError(path, "expected an object");
  const id = str(raw, "id", path);
  if (!isRecord(raw.expected)) throw new VectorFormatError(`${path}.expected`, "expected an object");
  if (!isRecord(raw.inputs)) throw new VectorFormatError(`${path}.inputs`, "expected an object");
  const expected: Record<string, string | null> = {};
  for (const [k, x] of Object.entries(raw.expected)) {
    if (x !== null && typeof x !== "string")
      throw new VectorFormatError(`${path}.expected.${k}`, "expected a string or null");
    expected[k] = x;
  }
  const mode = modeOf(raw, raw.expected, path);
  const adds = raw.signer_adds_headers;
  return {
    id,
    group,
    mode,
    inputs: parseInputs(raw.inputs, `${path}.inputs`, mode),
    signerAddsHeaders: isRecord(adds) ? Object.keys(adds) : null,
    signerAddsQuery: Array.isArray(raw.signer_adds_query)
      ? raw.signer_adds_query.filter((x): x is string => typeof x === "string")
      : null,
    expected,
    derived: isRecord(raw.derived_not_in_source) ? stringRecordLoose(raw.derived_not_in_source) : {},
  };
}

function stringRecordLoose(v: Record<string, Json>): Record<string, string> {
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
}
