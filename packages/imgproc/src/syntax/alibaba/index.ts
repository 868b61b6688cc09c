import { forbiddenContentCharacters, styleNameIssues } from "@style-console/contract/names";
import type { Operation, ParseResult, SyntaxIssue, WatermarkOp } from "../ast.ts";
import { issue } from "../issues/index.ts";
import { splitWatermarkImage, WATERMARK_IMAGE_OPERATIONS } from "../operations/watermark.ts";
import { type ActionContext, parseAction } from "./action.ts";
import { split } from "./split.ts";

export { parseAction } from "./action.ts";

/**
 * How many different watermark images (by object key) one `image/…` process may add. Source: the
 * Add watermarks page, "Limits" (no EC is documented). The parser reports the next one as
 * `TooManyActions`; the test generators read it too, so valid ASTs obey it.
 */
export const MAX_WATERMARK_IMAGES = 3;

/**
 * Parses the action list of an `image/…` value: `src[from, to)` is what follows `image/`.
 * Every problem is pushed with its position in `src`; the operations come back only for actions
 * without errors (callers decide from `ctx.errors`).
 * @example
 * const ctx = { errors: [], warnings: [] };
 * parseImageActions("image/rotate,90", 6, 15, ctx); // [{ op: "rotate", value: 90 }]
 */
export function parseImageActions(src: string, from: number, to: number, ctx: ActionContext): Operation[] {
  const pipe = src.indexOf("|", from);
  if (pipe >= 0 && pipe < to) {
    const message =
      "Pipes (`|`, e.g. `|sys/saveas`) persist results and are not part of a style; remove everything from `|`";
    ctx.errors.push(issue("UnsupportedPipe", message, { offset: pipe, length: to - pipe }));
    to = pipe;
  }
  if (from >= to) {
    const message = "`image/` needs at least one action, e.g. `image/resize,w_200`";
    ctx.errors.push(
      issue(
        "Empty",
        message,
        { offset: Math.max(from - 1, 0), length: from > 0 ? 1 : 0 },
        { ossCode: "0040-00000212" },
      ),
    );
    return [];
  }
  const operations: Operation[] = [];
  const markImages = new Set<string>();
  for (const piece of split(src, from, to, "/")) {
    if (piece.start === piece.end) {
      const at = { offset: piece.start > from ? piece.start - 1 : piece.start, length: 1 };
      ctx.errors.push(issue("Empty", "Empty action: remove the extra `/`", at, { ossCode: "0040-00000212" }));
      continue;
    }
    const before = ctx.errors.length;
    const op = parseAction(src, piece.start, piece.end, ctx);
    if (op?.op === "watermark" && op.image !== undefined) {
      checkWatermarkImage(src, piece.start, piece.end, op, ctx);
      markImages.add(splitWatermarkImage(op.image).key);
      if (markImages.size === MAX_WATERMARK_IMAGES + 1) {
        const message = `At most ${MAX_WATERMARK_IMAGES} different watermark images can be added to one image; this is the ${MAX_WATERMARK_IMAGES + 1}th`;
        ctx.errors.push(
          issue("TooManyActions", message, { offset: piece.start, length: piece.end - piece.start }),
        );
      }
    }
    if (op && ctx.errors.length === before) operations.push(op);
  }
  return operations;
}

/**
 * The decoded `image` of a watermark may carry its own `?x-oss-process=image/…`: validate it with the
 * restricted action set and report problems on the whole `image_` value (the text is Base64 there,
 * so no finer position exists).
 */
function checkWatermarkImage(src: string, from: number, to: number, op: WatermarkOp, ctx: ActionContext) {
  const image = op.image ?? "";
  const { key, process } = splitWatermarkImage(image);
  const comma = src.indexOf(",image_", from);
  const start = comma < 0 ? -1 : comma + 1;
  const at =
    start > 0 && start < to
      ? { offset: start + 6, length: valueEnd(src, start, to) - start - 6 }
      : { offset: from, length: to - from };
  const where = { operation: "watermark", parameter: "image" };
  if (key === "") {
    ctx.errors.push(
      issue("InvalidValue", "`image` of `watermark` must name an object key, got an empty key", at, where),
    );
  }
  if (process === undefined) return;
  if (!process.startsWith("image/")) {
    const message = `The watermark image's processing must start with \`image/\`, got \`${process.slice(0, 20)}\``;
    ctx.errors.push(issue("InvalidValue", message, at, where));
    return;
  }
  const inner: ActionContext = { errors: [], warnings: [], allowed: WATERMARK_IMAGE_OPERATIONS };
  parseImageActions(process, 6, process.length, inner);
  const relocate = (i: SyntaxIssue): SyntaxIssue => ({
    ...i,
    ...at,
    ...where,
    message: `In the watermark image's processing \`${process}\`: ${i.message}`,
  });
  ctx.errors.push(...inner.errors.map(relocate));
  ctx.warnings.push(...inner.warnings.map(relocate));
}

function valueEnd(src: string, start: number, to: number): number {
  const comma = src.indexOf(",", start);
  return comma < 0 || comma > to ? to : comma;
}

/**
 * Checks a style name as OSS stores it, by the contract's rule (`styleNameIssues`), as one syntax issue
 * spanning the name.
 * @example
 * styleNameIssue("small", 6); // undefined
 */
export function styleNameIssue(name: string, offset: number): SyntaxIssue | undefined {
  const first = styleNameIssues(name)[0];
  if (first === undefined) return undefined;
  const shown = name.length > 40 ? `${name.slice(0, 37)}…` : name;
  const message =
    name === "" ? "`style/` needs a style name, e.g. `style/small`" : `${first.message} Got \`${shown}\``;
  // EC page 0040-00000602: a style name holding one of ; ( ) ' * ? fails processing with that EC.
  const ossCode = forbiddenContentCharacters(name).length > 0 ? "0040-00000602" : undefined;
  return issue(
    "InvalidStyleName",
    message,
    {
      offset: name === "" ? Math.max(offset - 1, 0) : offset,
      length: name === "" ? (offset > 0 ? 1 : 0) : name.length,
    },
    { ossCode },
  );
}

/**
 * Parses the processing of a watermark image (what follows `?x-oss-process=` in the decoded
 * `image` of a watermark): `image/…` with the restricted action set and `resize,P_n`. Never throws.
 * @example
 * parseWatermarkProcess("image/resize,P_30"); // { ok: true, value: [{ op: "resize", P: 30 }], warnings: [] }
 * parseWatermarkProcess("image/circle,r_10").ok; // false: circle is not allowed there
 */
export function parseWatermarkProcess(process: string): ParseResult<Operation[]> {
  const ctx: ActionContext = { errors: [], warnings: [], allowed: WATERMARK_IMAGE_OPERATIONS };
  if (!process.startsWith("image/")) {
    const message = `A watermark image's processing must start with \`image/\`, got \`${process.slice(0, 20)}\``;
    return {
      ok: false,
      errors: [issue("InvalidValue", message, { offset: 0, length: process.length })],
      warnings: [],
    };
  }
  const operations = parseImageActions(process, 6, process.length, ctx);
  return ctx.errors.length > 0
    ? { ok: false, errors: ctx.errors, warnings: ctx.warnings }
    : { ok: true, value: operations, warnings: ctx.warnings };
}
