import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider.tsx";
import { Builder } from "./Builder.tsx";

/** The builder beside a stand-in for the code field: both edit the same string, as in the editor. */
function Harness({ initial }: { initial: string }) {
  const [content, setContent] = useState(initial);
  return (
    <I18nProvider locale="en">
      <textarea aria-label="Code" value={content} onChange={(e) => setContent(e.target.value)} />
      <Builder content={content} onChange={setContent} />
    </I18nProvider>
  );
}

const code = () => screen.getByLabelText<HTMLTextAreaElement>("Code");
const card = (name: string) => screen.getByRole("group", { name });

afterEach(cleanup);

describe("Builder", () => {
  it("shows the code's operations as cards and writes its edits back, canonical", () => {
    render(<Harness initial="image/resize,h_100,w_200/rotate,90" />);
    const resize = within(card("1. Resize"));
    expect(resize.getByLabelText<HTMLInputElement>("Width").value).toBe("200");
    fireEvent.change(resize.getByLabelText("Width"), { target: { value: "640" } });
    expect(code().value).toBe("image/resize,w_640,h_100/rotate,90");
    fireEvent.click(screen.getByRole("button", { name: "Move Rotate up" }));
    expect(code().value).toBe("image/rotate,90/resize,w_640,h_100");
    fireEvent.click(screen.getByRole("button", { name: "Remove Resize" }));
    expect(code().value).toBe("image/rotate,90");
  });

  it("adds an operation from the catalogue with working starter values", () => {
    render(<Harness initial="" />);
    fireEvent.change(screen.getByLabelText("Operation to add"), { target: { value: "watermark" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(code().value).toMatch(/^image\/watermark,g_se,text_/);
    fireEvent.click(within(card("1. Watermark")).getByRole("radio", { name: "Centre" }));
    expect(code().value).toMatch(/^image\/watermark,g_center,text_/);
  });

  it("follows an edit of the code at once", () => {
    render(<Harness initial="image/resize,w_200" />);
    fireEvent.change(code(), { target: { value: "image/resize,w_300/format,webp" } });
    expect(within(card("1. Resize")).getByLabelText<HTMLInputElement>("Width").value).toBe("300");
    expect(within(card("2. Format")).getByLabelText<HTMLSelectElement>("Output format").value).toBe("webp");
  });

  it("leaves code with errors as code, says why, and keeps the last chain disabled", () => {
    render(<Harness initial="image/resize,w_200" />);
    fireEvent.change(code(), { target: { value: "image/resize,w_abc" } });
    expect(screen.getByRole("status").textContent).toMatch(/The code has errors/);
    // Disabled through its fieldset, as the browser sees it.
    expect(within(card("1. Resize")).getByLabelText("Width").matches(":disabled")).toBe(true);
    expect(code().value).toBe("image/resize,w_abc");
  });

  it.each([
    ["style/thumbnail", /reference to a saved style/],
    ["img/s/200/300", /JD Cloud syntax.*panel above/],
  ])("leaves %s as code, says why, and shows no cards of the content it replaced", (text, reason) => {
    render(<Harness initial="image/resize,w_200/rotate,90" />);
    fireEvent.change(code(), { target: { value: text } });
    expect(screen.getByRole("status").textContent).toMatch(reason);
    expect(screen.queryAllByRole("group", { name: /^\d+\. / })).toEqual([]);
    expect(code().value).toBe(text);
    // Back to a chain: its cards, editable.
    fireEvent.change(code(), { target: { value: "image/resize,w_300" } });
    expect(within(card("1. Resize")).getByLabelText("Width").matches(":disabled")).toBe(false);
  });

  it("keeps its own half-done edit editable (a cleared width is not a reason to lock the form)", () => {
    render(<Harness initial="image/resize,w_200" />);
    fireEvent.change(within(card("1. Resize")).getByLabelText("Width"), { target: { value: "" } });
    expect(code().value).toBe("image/resize");
    expect(screen.queryByRole("status")?.textContent ?? "").not.toMatch(/errors/);
    expect(within(card("1. Resize")).getByLabelText("Width").matches(":disabled")).toBe(false);
    // …and the card says what is missing.
    expect(card("1. Resize").textContent).toMatch(/w, h, l, s|at least one/i);
  });

  it("marks the field whose value the parser refuses, with its message", () => {
    render(<Harness initial="image/resize,w_200" />);
    const width = within(card("1. Resize")).getByLabelText("Width");
    fireEvent.change(width, { target: { value: "20000" } });
    expect(code().value).toBe("image/resize,w_20000");
    expect(width.getAttribute("aria-invalid")).toBe("true");
    const described = document.getElementById(width.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toMatch(/16384/);
    fireEvent.change(width, { target: { value: "2000" } });
    expect(width.getAttribute("aria-invalid")).toBeNull();
  });
});
