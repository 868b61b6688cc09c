import { type Piece, split } from "../alibaba/split.ts";
import type { ProcessQueryResult, QueryKeyword, SyntaxIssue } from "../ast.ts";
import { issue } from "../issues/index.ts";
import { parseProcess } from "../process/index.ts";

const JD_HEADS = ["img", "imgalias", "imginfo", "imgexif"];
const PROCESS_KEY = "x-oss-process=";

interface Found {
  keyword: QueryKeyword;
  part: Piece;
  /** Where the processing value starts (what `parseProcess` reads). */
  valueStart: number;
}

/**
 * Judges a whole URL query by the access rules (JD seed 004, and Alibaba's `x-oss-process`):
 * - keywords: `img`, `imgalias`, `imginfo`, `imgexif` (old JD form `?img/…`), the same behind
 *   `x-oss-process=`, and Alibaba's `x-oss-process=image/…` and `x-oss-process=style/…`;
 * - only one keyword may appear; `img`/`imgalias` must be followed by a parameter;
 * - keys are case-sensitive (`?Imgalias/style` is not a keyword: the original is served);
 * - other keys, in any order, are ignored.
 * Never throws; offsets are into `query` as given (with its `?` if any).
 * @example
 * parseProcessQuery("?aaa=bb&x-oss-process=img/s/200/300");
 * // { ok: true, keyword: "x-oss-process=img", process: { kind: "img", operations: [...] }, warnings: [] }
 * parseProcessQuery("?imgalias/style&img/s/100/200").ok; // false (two keywords)
 */
export function parseProcessQuery(query: string): ProcessQueryResult {
  const from = query.startsWith("?") ? 1 : 0;
  const warnings: SyntaxIssue[] = [];
  const found: Found[] = [];
  for (const part of split(query, from, query.length, "&")) {
    const hit = keywordOf(part);
    if (hit) found.push(hit);
    else caseWarning(part, warnings);
  }
  const [first, ...others] = found;
  if (!first) return { ok: true, keyword: null, process: null, warnings };
  if (others.length > 0) {
    const errors = others.map((f) =>
      issue(
        "MultipleKeywords",
        `Only one processing keyword may appear in a query; \`${f.keyword}\` comes after \`${first.keyword}\``,
        { offset: f.part.start, length: f.part.end - f.part.start },
      ),
    );
    return { ok: false, keyword: first.keyword, errors, warnings };
  }
  const raw = query.slice(first.valueStart, first.part.end);
  const decoded = decode(raw);
  const shift = (i: SyntaxIssue): SyntaxIssue =>
    decoded === raw
      ? { ...i, offset: i.offset + first.valueStart }
      : { ...i, offset: first.valueStart, length: raw.length }; // positions inside a %-decoded value do not map back
  if (decoded === undefined) {
    const message = "The processing value has a broken %-escape";
    return {
      ok: false,
      keyword: first.keyword,
      errors: [issue("InvalidValue", message, { offset: first.valueStart, length: raw.length })],
      warnings,
    };
  }
  const parsed = parseProcess(decoded);
  warnings.push(...parsed.warnings.map(shift));
  if (!parsed.ok) return { ok: false, keyword: first.keyword, errors: parsed.errors.map(shift), warnings };
  return { ok: true, keyword: first.keyword, process: parsed.value, warnings };
}

function keywordOf(part: Piece): Found | undefined {
  const text = part.text;
  const isProcess = text.startsWith(PROCESS_KEY);
  const value = isProcess ? text.slice(PROCESS_KEY.length) : text;
  const valueStart = part.start + (isProcess ? PROCESS_KEY.length : 0);
  const head = value.split("/", 1)[0] ?? "";
  if (isProcess) {
    const known = [...JD_HEADS, "image", "style"].includes(head);
    // An unknown value behind the right key is still the keyword: parseProcess explains what is wrong.
    const keyword = (known ? `x-oss-process=${head}` : "x-oss-process=image") as QueryKeyword;
    return { keyword, part, valueStart };
  }
  if (JD_HEADS.includes(head)) return { keyword: head as QueryKeyword, part, valueStart };
  return undefined;
}

function caseWarning(part: Piece, warnings: SyntaxIssue[]): void {
  const text = part.text.trimStart();
  const lower = text.toLowerCase();
  const like = lower.startsWith(PROCESS_KEY)
    ? PROCESS_KEY.slice(0, -1)
    : JD_HEADS.find((h) => lower.split("/", 1)[0] === h);
  if (!like) return;
  const start = part.start + (part.text.length - text.length);
  const written = text.slice(0, like.length);
  const message = `\`${written}\` is not a processing keyword (keys are case-sensitive; write \`${like}\`): the original image is served`;
  warnings.push(issue("MissingKeyword", message, { offset: start, length: like.length }));
}

function decode(raw: string): string | undefined {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
