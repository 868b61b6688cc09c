import { operationCatalogue } from "@style-console/imgproc/syntax";
import { describe, expect, it } from "vitest";
import { opTitleKey, paramLabelKey } from "./labels.ts";
import { editableParams } from "./model.ts";

describe("builder labels", () => {
  it("names every operation and every editable parameter of the catalogue", () => {
    for (const spec of operationCatalogue) {
      expect(opTitleKey(spec.name)).toBe(`op.${spec.name}`);
      for (const p of editableParams(spec.name))
        expect(paramLabelKey(spec.name, p.name)).not.toBe("param.value");
    }
  });

  it("gives a parameter its operation's own meaning where it differs", () => {
    expect(paramLabelKey("blur", "s")).toBe("param.blur.s");
    expect(paramLabelKey("resize", "s")).toBe("param.s");
  });
});
