import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { FactsList } from "./FactsList.tsx";
import type { ImageFacts } from "./facts.ts";

const facts = (over: Partial<ImageFacts> = {}): ImageFacts => ({
  width: 200,
  height: 134,
  format: "jpg",
  frames: 1,
  bytes: 8000,
  renderMs: 12,
  cached: false,
  warnings: [],
  ...over,
});

function rows(view: ReturnType<typeof render>) {
  return [...view.container.querySelectorAll("dl > div")].map((row) => [
    row.querySelector("dt")?.textContent,
    row.querySelector("dd")?.textContent,
  ]);
}

afterEach(cleanup);

describe("FactsList", () => {
  it("always lists the same five facts in the same order; what does not apply reads —", () => {
    const wrap = (f: ImageFacts) =>
      render(
        <I18nProvider locale="en">
          <FactsList facts={f} />
        </I18nProvider>,
      );
    const image = rows(wrap(facts()));
    cleanup();
    const json = rows(wrap(facts({ format: "json", width: 0, height: 0 })));
    expect(image.map(([label]) => label)).toEqual(["Dimensions", "Format", "Size", "Frames", "Render time"]);
    expect(json.map(([label]) => label)).toEqual(image.map(([label]) => label));
    expect(json[0]?.[1]).toBe("—");
    expect(json[3]?.[1]).toBe("—");
    expect(image[0]?.[1]).toBe("200 × 134");
  });

  it("shows a warning's code as code, never a raw backtick", () => {
    render(
      <I18nProvider locale="en">
        <FactsList facts={facts({ warnings: ["`fill_1` is drawn once here"] })} />
      </I18nProvider>,
    );
    const item = screen.getByRole("listitem");
    expect(item.textContent).toBe("fill_1 is drawn once here");
    expect(item.querySelector("code")?.textContent).toBe("fill_1");
  });
});
