import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SyntaxIssue } from "../ast.ts";
import { convertJdToAlibaba } from "../jd/convert.ts";
import { parseProcessQuery } from "../query/index.ts";
import { parseProcess } from "./index.ts";

function inside(input: string, issues: readonly SyntaxIssue[]): boolean {
  return issues.every(
    (i) =>
      Number.isInteger(i.offset) &&
      Number.isInteger(i.length) &&
      i.offset >= 0 &&
      i.length >= 0 &&
      i.offset + i.length <= input.length &&
      i.message.length > 0 &&
      !i.message.startsWith("Internal error"),
  );
}

// Random strings rarely reach deep into the grammar; mixing in its own words and separators does.
const words = fc.constantFrom(
  "image/",
  "style/",
  "img/",
  "imgalias/",
  "imginfo",
  "imgexif",
  "x-oss-process=",
  "?",
  "&",
  "/",
  ",",
  "_",
  "|",
  "resize",
  "crop",
  "watermark",
  "rotate",
  "quality",
  "format",
  "w_",
  "h_",
  "m_",
  "text_",
  "image_",
  "P_",
  "s",
  "wmt",
  "wt",
  "wmi",
  "wk",
  "sb",
  "cr",
  "r",
  "_F00",
  "0",
  "1",
  "90",
  "16385",
  "-5",
  "%",
  "%2F",
  "京",
  "\u0000",
);
const grammarish = fc
  .array(fc.oneof(words, fc.string({ maxLength: 4 })), { maxLength: 25 })
  .map((a) => a.join(""));
const anyInput = fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), grammarish);

describe("never throws, always positions issues inside the input", () => {
  it("parseProcess: a value or positioned errors", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = parseProcess(input);
        expect(inside(input, r.warnings)).toBe(true);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          expect(inside(input, r.errors)).toBe(true);
        }
      }),
      { numRuns: 10000 },
    );
  });

  it("parseProcessQuery: the same for whole queries", () => {
    fc.assert(
      fc.property(anyInput, (query) => {
        const r = parseProcessQuery(query);
        expect(inside(query, r.warnings)).toBe(true);
        if (!r.ok) expect(inside(query, r.errors)).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });

  it("convertJdToAlibaba: a conversion or errors", () => {
    fc.assert(
      fc.property(anyInput, (jd) => {
        const r = convertJdToAlibaba(jd);
        if (!r.ok) expect(inside(jd, r.errors)).toBe(true);
        else for (const u of r.unconverted) expect(u.offset + u.length).toBeLessThanOrEqual(jd.length);
      }),
      { numRuns: 2000 },
    );
  });
});
