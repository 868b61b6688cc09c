import { describe, expect, it } from "vitest";
import { parseProcess } from "../process/index.ts";
import { spanOf } from "../testing/marks.ts";
import { ERROR_CASES } from "./errors.cases.ts";

describe("Alibaba errors", () => {
  it.each(ERROR_CASES)("$input", ({ input, errors }) => {
    const result = parseProcess(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(errors.length);
    errors.forEach((want, i) => {
      const { code, at, ...rest } = want;
      expect(result.errors[i]).toMatchObject({ code, ...spanOf(input, at), ...rest });
    });
  });
});
