import { describe, expect, it } from "vitest";
import { ERROR_CASES } from "../alibaba/errors.cases.ts";
import { parseWatermarkProcess } from "../alibaba/index.ts";
import { PARSE_CASES } from "../alibaba/parse.cases.ts";
import { encodeBase64Url } from "../base64/index.ts";
import { jdActions } from "../jd/actions.ts";
import { JD_ERROR_CASES, JD_PARSE_CASES } from "../jd/parse.cases.ts";
import { parseProcess } from "../process/index.ts";
import { operationCatalogue } from "./index.ts";

// The tables are the tests; this suite checks that they cover the whole catalogue, so a parameter
// added to the catalogue without a parse case and a bad-value case fails here.

const BAD_VALUE = new Set(["OutOfRange", "InvalidValue", "InvalidBase64"]);

function badValuePairs(inputs: string[]): Set<string> {
  const pairs = new Set<string>();
  for (const input of inputs) {
    const r = parseProcess(input);
    if (!r.ok)
      for (const e of r.errors) if (BAD_VALUE.has(e.code)) pairs.add(`${e.operation}.${e.parameter}`);
  }
  return pairs;
}

describe("the case tables cover the catalogue", () => {
  const parsed = new Set(
    PARSE_CASES.flatMap((c) => c.expected.flatMap((n) => Object.keys(n).map((k) => `${n.op}.${k}`))),
  );
  const operations = new Set(PARSE_CASES.flatMap((c) => c.expected.map((n) => n.op)));
  const rejected = badValuePairs(ERROR_CASES.map((c) => c.input));

  for (const spec of operationCatalogue) {
    it(`${spec.name}: parsed, and every parameter parsed and rejected when out of range`, () => {
      expect(operations.has(spec.name)).toBe(true);
      for (const p of spec.params.filter((q) => !q.watermarkOnly)) {
        expect(parsed, `${spec.name}.${p.name} parsed`).toContain(`${spec.name}.${p.name}`);
        expect(rejected, `${spec.name}.${p.name} rejected`).toContain(`${spec.name}.${p.name}`);
      }
    });
  }

  it("resize,P_ (watermark-only) is validated inside a watermark image's processing", () => {
    const ok = parseProcess(
      `image/watermark,image_${encodeBase64Url("a.png?x-oss-process=image/resize,P_30")}`,
    );
    expect(ok.ok).toBe(true);
    const bad = parseProcess(
      `image/watermark,image_${encodeBase64Url("a.png?x-oss-process=image/resize,P_101")}`,
    );
    expect(bad).toMatchObject({
      ok: false,
      errors: [{ code: "OutOfRange", operation: "watermark", parameter: "image" }],
    });
    if (!bad.ok)
      expect(bad.errors[0]?.message).toContain("`P` of `resize` must be an integer 1–100, got `101`");
  });

  it("parseWatermarkProcess accepts P and the restricted set only", () => {
    expect(parseWatermarkProcess("image/resize,P_30/rotate,90")).toEqual({
      ok: true,
      value: [
        { op: "resize", P: 30 },
        { op: "rotate", value: 90 },
      ],
      warnings: [],
    });
    expect(parseWatermarkProcess("image/circle,r_10")).toMatchObject({
      ok: false,
      errors: [{ offset: 6, length: 6 }],
    });
    expect(parseWatermarkProcess("img/s/1/1")).toMatchObject({
      ok: false,
      errors: [{ code: "InvalidValue" }],
    });
  });

  it("every JD action and watermark option is parsed and, when it takes values, rejected out of range", () => {
    const inputs = JD_PARSE_CASES.map((c) => c.input)
      .join("/")
      .split("/");
    const rejected = badValuePairs(JD_ERROR_CASES.map((c) => c.input));
    const rejectedOps = new Set([...rejected].map((p) => p.split(".")[0]));
    for (const a of jdActions) {
      expect(inputs, a.code).toContain(a.code);
      if (a.params.length > 0) expect(rejectedOps, a.code).toContain(a.code);
      for (const o of a.options ?? []) {
        expect(inputs, o.name).toContain(o.name);
        expect(rejected, `${a.code}.${o.name}`).toContain(`${a.code}.${o.name}`);
      }
    }
  });
});
