import type { OperationName, SyntaxIssue } from "../ast.ts";

/** What values a parameter takes. `base64` values are decoded text (URL-safe, unpadded Base64). */
export type ParamType =
  | { kind: "int"; min: number; max: number }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "flag"; values: readonly number[] }
  | { kind: "color" }
  | { kind: "base64"; maxChars?: number; values?: readonly string[] };

/** OSS error codes (`EC`) the reference documents for a parameter, by failure. */
export interface OssCodes {
  /** Value of the right shape but outside the range, or not one of the values. */
  invalid?: string;
  /** Overrides `invalid` for the value 0 (e.g. `resize,w_0,h_0` → 0040-00000321). */
  zero?: string;
  /** The parameter (or the bare value) is absent. */
  missing?: string;
}

export interface ParamSpec {
  name: string;
  type: ParamType;
  description: string;
  /** Default OSS applies when absent (for the builder and the renderer; the parser never fills it). */
  default?: string | number;
  required?: boolean;
  codes?: OssCodes;
  /** Only accepted inside a watermark image's own processing (`resize,P_30`). */
  watermarkOnly?: boolean;
}

/**
 * How an action is written: `keyed` (`resize,w_200,h_100`), `bare` (one value: `rotate,90`; its
 * parameter is named `value`), `none` (`info`).
 */
export type OperationForm = "keyed" | "bare" | "none";

/** Cross-parameter rules, run on a node whose every parameter is already valid on its own. */
export type OperationCheck = (node: Record<string, unknown>, report: CheckReport) => void;

export interface CheckReport {
  /** An error about the action (or about `parameter` when given). */
  error(issue: Omit<SyntaxIssue, "offset" | "length" | "operation">): void;
  warning(issue: Omit<SyntaxIssue, "offset" | "length" | "operation">): void;
}

export interface OperationSpec {
  name: OperationName;
  form: OperationForm;
  description: string;
  params: readonly ParamSpec[];
  /** Plain-language constraints between parameters, for the builder's help text. */
  constraints?: readonly string[];
  /** OSS code for a bare value where `key_value` pairs are expected (`quality,200` → 0040-00000310). */
  bareValueCode?: string;
  check?: OperationCheck;
}

export const GRAVITIES = ["nw", "north", "ne", "west", "center", "east", "sw", "south", "se"] as const;
