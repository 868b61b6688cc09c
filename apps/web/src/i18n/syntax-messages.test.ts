import { parseProcess } from "@style-console/imgproc/syntax";
import { describe, expect, it } from "vitest";
import { syntaxMessage } from "./syntax-messages.ts";

function firstError(content: string) {
  const r = parseProcess(content);
  if (r.ok) throw new Error(`${content} parsed`);
  const issue = r.errors[0];
  if (!issue) throw new Error("no issue");
  return issue;
}

describe("syntaxMessage", () => {
  it("keeps the package's English message in English", () => {
    const issue = firstError("image/resize,w_abc");
    expect(syntaxMessage(issue, "en")).toBe(issue.message);
  });

  it("leads with Chinese naming the parameter, and keeps the English detail with the range", () => {
    const issue = firstError("image/resize,w_0");
    const text = syntaxMessage(issue, "zh-CN");
    expect(text.startsWith("参数“w”超出取值范围（")).toBe(true);
    expect(text).toContain("1–16384");
  });

  it("has a Chinese lead for the common problems", () => {
    for (const content of [
      "",
      "imag/x",
      "image/foo",
      "image/resize",
      "image/resize,w_",
      "image/watermark,text_@@",
    ]) {
      const issue = firstError(content);
      const text = syntaxMessage(issue, "zh-CN");
      expect(text, content).toMatch(/^[“\p{Script=Han}]/u);
      expect(text.endsWith(`（${issue.message}）`), content).toBe(true);
    }
  });
});
