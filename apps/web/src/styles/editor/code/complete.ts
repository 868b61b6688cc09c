import {
  getOperationSpec,
  operationCatalogue,
  type ParamSpec,
  type ParamType,
} from "@style-console/imgproc/syntax";

/** One completion: what is inserted, a short detail (range, values) and the catalogue's help. */
export interface Suggestion {
  label: string;
  /** Inserted text when it differs from the label (`w_` for the parameter `w`). */
  apply?: string;
  detail: string;
  info: string;
  type: "keyword" | "function" | "property" | "enum";
}

/** Completions for the caret at `pos`: replace `[from, pos)` with one of `options`. */
export interface CompletionResult {
  from: number;
  options: Suggestion[];
}

/** A parameter's accepted values in one line: `1–16384`, `lfit | mfit | …`, `0 | 1`, `RRGGBB`. */
export function describeType(type: ParamType): string {
  switch (type.kind) {
    case "int":
      return `${type.min}–${type.max}`;
    case "enum":
      return type.values.join(" | ");
    case "flag":
      return type.values.join(" | ");
    case "color":
      return "RRGGBB";
    case "base64":
      return type.maxChars ? `Base64 (≤ ${type.maxChars})` : "Base64";
  }
}

/** The help shown for a parameter: its description, accepted values and default. */
export function paramHelp(operation: string, param: ParamSpec): string {
  const parts = [`${operation} · ${param.name}: ${param.description}`, describeType(param.type)];
  if (param.default !== undefined) parts.push(`default ${param.default}`);
  if (param.required) parts.push("required");
  return parts.join(" · ");
}

function valueOptions(type: ParamType): Suggestion[] {
  const values = type.kind === "enum" || type.kind === "flag" ? type.values : [];
  return values.map((v) => ({ label: String(v), detail: "", info: "", type: "enum" as const }));
}

/**
 * What may be typed at `pos` in a style's text, from the operation catalogue: `image/` at the start,
 * an action name after `/`, a parameter after `,` (with its range), an enumerated value after `key_`
 * (or after `,` for a bare action such as `format`). Pure; `null` where nothing applies.
 * @example
 * suggest("image/", 6)?.options.map((o) => o.label); // ["resize", "crop", …]
 */
export function suggest(text: string, pos: number): CompletionResult | null {
  const before = text.slice(0, pos);
  const slash = before.lastIndexOf("/");
  if (slash < 0) {
    return { from: 0, options: [{ label: "image/", detail: "", info: "", type: "keyword" }] };
  }
  const segment = before.slice(slash + 1);
  const comma = segment.lastIndexOf(",");
  if (comma < 0) {
    return {
      from: slash + 1,
      options: operationCatalogue
        .filter((spec) => !spec.params.every((p) => p.watermarkOnly))
        .map((spec) => ({
          label: spec.name,
          detail: spec.params.length ? spec.params.map((p) => p.name).join(" ") : "",
          info: spec.description,
          type: "function" as const,
        })),
    };
  }
  const operation = segment.slice(0, segment.indexOf(","));
  const spec = getOperationSpec(operation);
  if (!spec) return null;
  const field = segment.slice(comma + 1);
  const fieldStart = slash + 1 + comma + 1;
  if (spec.form === "bare") {
    const param = spec.params[0];
    return param ? { from: fieldStart, options: valueOptions(param.type) } : null;
  }
  const cut = field.indexOf("_");
  if (cut < 0) {
    const used = new Set(
      segment
        .split(",")
        .slice(1, -1)
        .map((f) => f.split("_")[0]),
    );
    return {
      from: fieldStart,
      options: spec.params
        .filter((p) => !p.watermarkOnly && !used.has(p.name))
        .map((p) => ({
          label: p.name,
          apply: `${p.name}_`,
          detail: describeType(p.type),
          info: paramHelp(operation, p),
          type: "property" as const,
        })),
    };
  }
  const param = spec.params.find((p) => p.name === field.slice(0, cut));
  if (!param) return null;
  const options = valueOptions(param.type);
  return options.length ? { from: fieldStart + cut + 1, options } : null;
}
