import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider, useChunkText } from "./I18nProvider.tsx";

afterEach(cleanup);

const texts = {
  en: { "x.title": "Delete {name}?" },
  "zh-CN": { "x.title": "删除 {name}？" },
};

function Title() {
  const x = useChunkText(texts);
  return <h1>{x("x.title", { name: "thumb" })}</h1>;
}

describe("useChunkText", () => {
  it("reads a screen's own dictionary in the console's language and fills its placeholders", () => {
    render(
      <I18nProvider locale="zh-CN">
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("删除 thumb？");
    cleanup();
    render(
      <I18nProvider locale="en">
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole("heading").textContent).toBe("Delete thumb?");
  });
});
