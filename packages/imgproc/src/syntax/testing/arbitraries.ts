/**
 * fast-check generators of VALID ASTs, built from the same catalogue the validator reads, so a
 * parameter added to the catalogue is generated (and round-tripped) without touching the tests.
 * Test-only: imported by `*.test.ts`, never by the package entry.
 */
import fc from "fast-check";
import { MAX_WATERMARK_IMAGES } from "../alibaba/index.ts";
import type { JdOperation, Operation, Process } from "../ast.ts";
import { operationCatalogue } from "../catalogue/index.ts";
import type { OperationSpec, ParamSpec } from "../catalogue/types.ts";
import { splitWatermarkImage } from "../operations/watermark.ts";

const hex6 = fc.stringMatching(/^[0-9A-Fa-f]{6}$/);

function valueArb(p: ParamSpec): fc.Arbitrary<string | number> {
  const t = p.type;
  switch (t.kind) {
    case "int":
      return fc.integer({ min: t.min, max: t.max });
    case "enum":
      return fc.constantFrom(...t.values);
    case "flag":
      return fc.constantFrom(...t.values);
    case "color":
      return hex6;
    case "base64":
      if (t.values) return fc.constantFrom(...t.values);
      if (p.name === "image") return fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9/._-]{0,30}$/);
      return fc.string({ unit: "binary", minLength: 1, maxLength: t.maxChars ?? 64 });
  }
}

/** Runs the spec's cross-parameter check: true when it reports no error. */
function passesCheck(spec: OperationSpec, node: Record<string, unknown>): boolean {
  let ok = true;
  spec.check?.(node, { error: () => (ok = false), warning: () => {} });
  return ok;
}

function operationArb(spec: OperationSpec): fc.Arbitrary<Operation> {
  const params = spec.params.filter((p) => !p.watermarkOnly);
  const model: Record<string, fc.Arbitrary<string | number>> = {};
  for (const p of params) model[p.name] = valueArb(p);
  const requiredKeys = params.filter((p) => p.required).map((p) => p.name);
  return fc
    .record(model, { requiredKeys })
    .filter((node) => passesCheck(spec, node))
    .map((node) => ({ op: spec.name, ...node }) as Operation);
}

/** Any valid Alibaba action. */
export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(...operationCatalogue.map(operationArb));

const side = fc.integer({ min: 1, max: 9999 });
const offset = fc.integer({ min: -9999, max: 9999 });

/** Any node the JD parser can produce (the canonical JD forms). */
export const jdOperationArbitrary: fc.Arbitrary<JdOperation> = fc.oneof(
  fc.record({
    op: fc.constant("resize" as const),
    m: fc.constantFrom("lfit" as const, "mfit" as const, "fixed" as const, "pad" as const),
    w: side,
    h: side,
  }),
  fc.record({
    op: fc.constant("resize" as const),
    m: fc.constant("pad" as const),
    w: side,
    h: side,
    color: hex6,
  }),
  fc.record({ op: fc.constant("resize" as const), w: side }),
  fc.record({ op: fc.constant("resize" as const), h: side }),
  fc.record({ op: fc.constant("crop" as const), w: side, h: side, x: fc.nat(9999), y: fc.nat(9999) }),
  fc.record({ op: fc.constant("rotate" as const), value: fc.integer({ min: 1, max: 359 }) }),
  fc.record({ op: fc.constant("auto-orient" as const), value: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({
    op: fc.constant("format" as const),
    value: fc.constantFrom("jpg" as const, "png" as const, "webp" as const, "bmp" as const, "gif" as const),
  }),
  fc.constant({ op: "interlace" as const, value: 1 as const }),
  fc.record({ op: fc.constant("quality" as const), Q: fc.nat(100) }),
  fc.record({
    op: fc.constantFrom("jd-sp" as const, "jd-cgif" as const),
    n: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ op: fc.constant("jd-sa" as const), n: fc.integer({ min: 1, max: 100000000 }) }),
  fc.record({ op: fc.constant("jd-qf" as const), n: fc.nat(100) }),
  fc.record(
    { op: fc.constantFrom("jd-shb" as const, "jd-swb" as const), w: side, h: side, color: hex6 },
    { requiredKeys: ["op", "w", "h"] },
  ),
  fc.record({ op: fc.constant("jd-cc" as const), w: side, h: side }),
  fc.constantFrom({ op: "jd-o" as const }, { op: "jd-ns" as const }),
  fc.record(
    {
      op: fc.constant("jd-wmt" as const),
      text: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
      font: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
      color: hex6,
      position: fc.integer({ min: 1, max: 9 }),
      dx: offset,
      dy: offset,
      size: fc.nat(1000),
      rotate: fc.nat(360),
    },
    { requiredKeys: ["op", "text"] },
  ),
  fc.record(
    {
      op: fc.constant("jd-wmi" as const),
      key: fc.stringMatching(/^[a-z0-9-]{1,12}:[a-zA-Z0-9/._-]{1,20}$/),
      position: fc.integer({ min: 1, max: 9 }),
      dx: offset,
      dy: offset,
      opacity: fc.nat(100),
      size: fc.nat(1000),
    },
    { requiredKeys: ["op", "key"] },
  ),
);

/** Different watermark image keys in `ops`, counted as the parser counts them. */
function watermarkImageCount(ops: Operation[]): number {
  const keys = new Set<string>();
  for (const op of ops)
    if (op.op === "watermark" && op.image !== undefined) keys.add(splitWatermarkImage(op.image).key);
  return keys.size;
}

const styleName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,63}$/);

/** Any valid process of either dialect. */
export const processArbitrary: fc.Arbitrary<Process> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("image" as const),
      operations: fc
        .array(operationArbitrary, { minLength: 1, maxLength: 6 })
        .filter((ops) => watermarkImageCount(ops) <= MAX_WATERMARK_IMAGES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("img" as const),
      operations: fc.array(jdOperationArbitrary, { minLength: 1, maxLength: 5 }),
    }),
  },
  fc.record({ kind: fc.constant("style" as const), name: styleName }),
  fc.record({ kind: fc.constant("imgalias" as const), name: styleName }),
  fc.record({ kind: fc.constant("imginfo" as const), keepMetadata: fc.boolean() }),
  fc.constant({ kind: "imgexif" as const }),
);
