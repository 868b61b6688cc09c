import {
  getOperationSpec,
  type Operation,
  type OperationName,
  type ParamSpec,
  parseProcess,
  type SyntaxIssue,
  serializeImage,
  serializeOperation,
} from "@style-console/imgproc/syntax";

/** What the builder can show for a content: the chain as cards, or why it has to stay code. */
export type BuilderView =
  | { ok: true; operations: Operation[] }
  | { ok: false; reason: "errors" | "reference" | "jd" | "other" };

/**
 * Reads a content into the builder's model. Only a valid `image/…` chain (or nothing) is a list of
 * cards; a string with errors, a `style/…` reference or a JD `img/…` value stays code, untouched.
 */
export function viewOf(content: string): BuilderView {
  if (content.trim() === "") return { ok: true, operations: [] };
  const result = parseProcess(content);
  if (!result.ok) return { ok: false, reason: "errors" };
  const value = result.value;
  if (value.kind === "image") return { ok: true, operations: value.operations };
  if (value.kind === "style" || value.kind === "imgalias") return { ok: false, reason: "reference" };
  if (value.kind === "img") return { ok: false, reason: "jd" };
  return { ok: false, reason: "other" };
}

/** The content for a chain: the canonical `image/…` string, or empty for no operations. */
export function contentOf(operations: readonly Operation[]): string {
  return operations.length === 0 ? "" : serializeImage(operations);
}

/** What a new card starts with: a valid operation with a visible effect, so the preview changes at once. */
const STARTERS: Record<OperationName, Record<string, string | number>> = {
  resize: { m: "lfit", w: 800 },
  crop: { w: 600, h: 600, g: "center" },
  indexcrop: { x: 200, i: 0 },
  circle: { r: 200 },
  "rounded-corners": { r: 30 },
  rotate: { value: 90 },
  "auto-orient": { value: 1 },
  blur: { r: 3, s: 2 },
  bright: { value: 10 },
  contrast: { value: 10 },
  sharpen: { value: 100 },
  format: { value: "webp" },
  quality: { q: 80 },
  interlace: { value: 1 },
  watermark: { text: "Style Console", size: 40, color: "FFFFFF", g: "se" },
  info: {},
  "average-hue": {},
};

/** A new operation of the given kind, with starter values. */
export function newOperation(name: OperationName): Operation {
  return { op: name, ...STARTERS[name] } as Operation;
}

/** Builder-visible parameters of an operation (a watermark image's own `P` is not one of them). */
export function editableParams(name: OperationName): readonly ParamSpec[] {
  return (getOperationSpec(name)?.params ?? []).filter((p) => !p.watermarkOnly);
}

/** The operation with one parameter set, or removed (`undefined`), keeping the others. */
export function withParam(op: Operation, name: string, value: string | number | undefined): Operation {
  const next: Record<string, unknown> = { ...op };
  if (value === undefined || value === "") delete next[name];
  else next[name] = value;
  return next as unknown as Operation;
}

/** Moves the item at `from` to `to` (both clamped), returning a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...items];
  next.splice(target, 0, item);
  return next;
}

/** A problem of one card: about one of its parameters, or about the operation as a whole. */
export interface CardIssue {
  card: number;
  parameter?: string;
  issue: SyntaxIssue;
}

/**
 * Places the parser's errors on the cards of the chain the builder wrote: each operation's text spans a
 * known range of the canonical content (`image/` then the operations joined by `/`), so an error's
 * offset names its card, and its `parameter` the field.
 */
export function cardIssues(operations: readonly Operation[], errors: readonly SyntaxIssue[]): CardIssue[] {
  const ranges: Array<[number, number]> = [];
  let start = "image/".length;
  for (const op of operations) {
    const length = serializeOperation(op).length;
    ranges.push([start, start + length]);
    start += length + 1;
  }
  return errors.flatMap((issue) => {
    const card = ranges.findIndex(([from, to]) => issue.offset >= from && issue.offset <= to);
    if (card === -1) return [];
    return [issue.parameter === undefined ? { card, issue } : { card, parameter: issue.parameter, issue }];
  });
}

/** Parameters most edits never touch: folded under "More options" unless one is set. */
const ADVANCED: Partial<Record<OperationName, readonly string[]>> = {
  resize: ["l", "s", "p", "limit", "color"],
  watermark: ["voffset", "fill", "padx", "pady", "shadow", "rotate", "order", "align", "interval"],
  blur: ["g", "p"],
};

/** The operation's editable parameters split into the ones always shown and the folded ones. */
export function paramGroups(op: Operation): { main: ParamSpec[]; more: ParamSpec[]; moreSet: boolean } {
  const advanced = new Set(ADVANCED[op.op] ?? []);
  // `color` of resize is the padding colour: with m_pad it is a main parameter.
  if (op.op === "resize" && op.m === "pad") advanced.delete("color");
  const all = editableParams(op.op);
  const more = all.filter((p) => advanced.has(p.name));
  return {
    main: all.filter((p) => !advanced.has(p.name)),
    more,
    moreSet: more.some((p) => paramValue(op, p.name) !== undefined),
  };
}

/** A parameter's current value as a form shows it. */
export function paramValue(op: Operation, name: string): string | number | undefined {
  const value = (op as unknown as Record<string, unknown>)[name];
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

/** A form field's text as the parameter's value: numbers for int and flag types, text otherwise. */
export function parseField(spec: ParamSpec, text: string): string | number | undefined {
  if (text === "") return undefined;
  if (spec.type.kind === "int" || spec.type.kind === "flag") {
    const n = Number(text);
    return Number.isInteger(n) ? n : undefined;
  }
  if (spec.type.kind === "color") return text.replace(/^#/, "").toUpperCase();
  return text;
}
