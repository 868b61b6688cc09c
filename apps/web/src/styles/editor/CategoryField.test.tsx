import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Category } from "../../api/styles.ts";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import { CategoryField } from "./CategoryField.tsx";

function field(value: Category, locale: "en" | "zh-CN" = "en") {
  const onChange = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <CategoryField value={value} onChange={onChange} />
    </I18nProvider>,
  );
  return { select: screen.getByRole("combobox") as HTMLSelectElement, onChange };
}

afterEach(cleanup);

describe("CategoryField", () => {
  it("offers OSS's three categories, labelled, with the current one chosen", () => {
    const { select } = field("document");
    expect(screen.getByLabelText("Category")).toBe(select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["image", "Image"],
      ["document", "Document"],
      ["video", "Video"],
    ]);
    expect(select.value).toBe("document");
  });

  it("reports the chosen category", () => {
    const { select, onChange } = field("image");
    fireEvent.change(select, { target: { value: "video" } });
    expect(onChange).toHaveBeenCalledWith("video");
  });

  it("names them in Chinese", () => {
    const { select } = field("image", "zh-CN");
    expect(screen.getByLabelText("分类")).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toEqual(["图片", "文档", "视频"]);
  });
});
