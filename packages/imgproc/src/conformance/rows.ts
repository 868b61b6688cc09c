/** The shape of an examples file (`img-examples.json`): only the fields the runner reads. */
export interface ExampleInput {
  name?: string;
  width?: number;
  height?: number;
  format?: string;
  frames?: number;
  local_copy?: string;
}

export interface ExampleRow {
  id: string;
  source_kind?: string;
  input: ExampleInput;
  param: string;
  expected: Record<string, unknown>;
  skip_reason?: string;
}

export interface ExampleFile {
  examples: ExampleRow[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the parsed JSON has the examples-file shape, naming the first bad row.
 * @example
 * const file = toExampleFile(JSON.parse(text)); // throws "row 3: `param` must be a string"
 */
export function toExampleFile(value: unknown): ExampleFile {
  if (!isObject(value) || !Array.isArray(value.examples)) {
    throw new Error("expected an object with an `examples` array");
  }
  value.examples.forEach((row, index) => {
    const where = `row ${index}`;
    if (!isObject(row)) throw new Error(`${where}: must be an object`);
    if (typeof row.id !== "string") throw new Error(`${where}: \`id\` must be a string`);
    if (typeof row.param !== "string") throw new Error(`${where} (${row.id}): \`param\` must be a string`);
    if (!isObject(row.input)) throw new Error(`${where} (${row.id}): \`input\` must be an object`);
    if (!isObject(row.expected)) throw new Error(`${where} (${row.id}): \`expected\` must be an object`);
  });
  return value as unknown as ExampleFile;
}

/**
 * The process string of a row: `image/…`, or a JD query `?x-oss-process=…`; a label before it
 * (`style content: image/…`) is dropped.
 * @example
 * processOf("style content: image/resize,p_63"); // "image/resize,p_63"
 */
export function processOf(param: string): string | undefined {
  if (param.startsWith("image/") || param.startsWith("?")) return param;
  const at = param.indexOf("image/");
  return at > 0 ? param.slice(at) : undefined;
}
