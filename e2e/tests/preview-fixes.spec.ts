import { execFileSync } from "node:child_process";
import type { Locator, Page } from "@playwright/test";
import { expectDimensions, figure, pickSample } from "../fixtures/preview.ts";
import { widths } from "../fixtures/screens.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

// Issue 16, the preview's rough edges: each test here failed before its fix.

const bucket = "demo-photos";
const b64 = (text: string) => Buffer.from(text).toString("base64url");

/** Whether this machine has a font with Chinese glyphs (what the console's renderer draws with). */
function hasCjkFont(): boolean {
  try {
    return execFileSync("fc-list", [":charset=4e2d", "family"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
}

async function openNew(page: Page, sample = "image-demo_example") {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await pickSample(page, sample);
  return page.getByLabel("Content");
}

test("a resize OSS would not enlarge says why the result kept the original size", async ({ page }) => {
  const content = await openNew(page, "portrait_6");
  // The file is 600×450 with EXIF orientation 6: a portrait once turned upright, as OSS does first.
  await expectDimensions(page, 600, 450, "Original");

  await content.fill("image/resize,w_4000");
  await expectDimensions(page, 450, 600);
  const note = figure(page).getByRole("note");
  await expect(note).toContainText("kept its original size");
  await expect(note).toContainText("limit_0");

  // One click adds limit_0: OSS enlarges, and the note goes away.
  await content.fill("image/resize,w_1200");
  await expectDimensions(page, 450, 600);
  await note.getByRole("button", { name: "Allow enlarging (add limit_0)" }).click();
  await expect(content).toHaveText(/^image\/resize,.*limit_0/);
  await expect(figure(page).locator("dl")).toContainText("1200 × 1600");
  await expect(figure(page).getByRole("note")).toHaveCount(0);
  // A resize that fits is no news either.
  await content.fill("image/resize,w_100");
  await expect(figure(page).locator("dl")).toContainText("100 ×");
  await expect(figure(page).getByRole("note")).toHaveCount(0);
});

test("fonts: Latin text never warns; Chinese text warns only when no font has its glyphs", async ({
  page,
}) => {
  const content = await openNew(page);
  await content.fill(`image/resize,w_200/watermark,text_${b64("Hello World")},size_20`);
  await expectDimensions(page, 200, 134);
  await expect(figure(page).locator(".facts-warnings")).toHaveCount(0);

  await content.fill(`image/resize,w_201/watermark,text_${b64("你好")},size_20`);
  await expectDimensions(page, 201, 134);
  if (hasCjkFont()) {
    await expect(figure(page).locator(".facts-warnings")).toHaveCount(0);
  } else {
    await expect(figure(page).locator(".facts-warnings")).toContainText(/你|好/);
    await expect(figure(page).locator(".facts-warnings")).toContainText(/glyph/i);
  }
});

test("JSON answers are pretty-printed and wrap inside their frame", async ({ page }) => {
  const content = await openNew(page);
  await content.fill("image/info");
  const json = figure(page).locator(".preview-json");
  await expect(json).toContainText('"ImageWidth"');
  const text = (await json.textContent()) ?? "";
  expect(text.split("\n").length).toBeGreaterThan(5);
  expect(text).toMatch(/\n {2}"ImageWidth": \{/);
  // Nothing runs off to the right: every line is visible without horizontal scrolling.
  const overflow = await json.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

/** The facts of a figure as [label, value-start-y, label-x] rows. */
async function factRows(fig: Locator) {
  return fig.locator("dl > div").evaluateAll((rows) =>
    rows.map((row) => {
      const dt = row.querySelector("dt");
      const box = dt?.getBoundingClientRect();
      return { label: dt?.textContent ?? "", top: Math.round(box?.top ?? -1) };
    }),
  );
}

test("the result's and the original's facts have the same rows, in the same order, side by side", async ({
  page,
}) => {
  const content = await openNew(page);
  for (const draft of ["image/resize,w_200", "image/info"]) {
    await content.fill(draft);
    await expect(figure(page)).toHaveAttribute("aria-busy", "false");
    await expect(figure(page).locator("dl")).toContainText(draft === "image/info" ? "JSON" : "200 ×");
    const result = await factRows(figure(page));
    const original = await factRows(figure(page, "Original"));
    expect(result.map((r) => r.label)).toEqual(original.map((r) => r.label));
    expect(result.length).toBeGreaterThanOrEqual(5);
    // Aligned: each fact sits on the same line as its counterpart.
    expect(result.map((r) => r.top)).toEqual(original.map((r) => r.top));
  }
});

for (const size of widths) {
  test(`nothing in the preview card is cut off at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const content = await openNew(page);
    const panel = page.locator(".preview-panel");
    // A text watermark in each script (a missing CJK font adds a warning under the result).
    for (const [text, width, height] of [
      ["Hello", 300, 200],
      ["你好", 150, 100],
    ] as const) {
      await content.fill(`image/resize,w_${width}/watermark,text_${b64(text)},size_20`);
      await expectDimensions(page, width, height);
      // The page scrolled down to the card, as one does to look at it: the whole card is in the
      // window, and nothing of it hides inside the column's own scroll area.
      const fit = await panel.evaluate((el) => {
        el.scrollIntoView({ block: "start" });
        const scroller = el.parentElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return {
          hidden: scroller.scrollHeight - scroller.clientHeight,
          top: box.top,
          bottom: box.bottom,
        };
      });
      expect(fit.hidden, `${text}: part of the card hides in its scroll area`).toBeLessThanOrEqual(0);
      if (size.width > 900) {
        expect(fit.top).toBeGreaterThanOrEqual(0);
        expect(fit.bottom).toBeLessThanOrEqual(size.height);
      }
    }
    // The card at its tallest: the draft on every sample under the pair, so its column must scroll.
    await page.getByRole("button", { name: "Try on every sample" }).click();
    await expect(
      page.getByRole("list", { name: "The draft on every sample" }).getByRole("img").first(),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`viewport-${size.name}.png`) });
    // The card fits its column: it is not wider than its scroll area, nor the window.
    const area = await panel.evaluate((el) => {
      const scroller = el.parentElement as HTMLElement;
      return {
        overflowX: scroller.scrollWidth - scroller.clientWidth,
        pageOverflowX: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(area.overflowX).toBeLessThanOrEqual(0);
    expect(area.pageOverflowX).toBeLessThanOrEqual(0);
    // Every visible part of the card lies inside the card, and the card inside the window horizontally.
    const card = await panel.boundingBox();
    expect(card).not.toBeNull();
    if (!card) return;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(size.width);
    const outside = await panel.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return Array.from(el.querySelectorAll<HTMLElement>("*"))
        .filter((child) => child.offsetParent !== null && !child.closest(".visually-hidden"))
        .filter((child) => {
          const r = child.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
        })
        .map((child) => `${child.tagName}.${child.className}`);
    });
    expect(outside).toEqual([]);
    // Scrolled to its end, the card's bottom (the last sample of the grid) is reachable and fully visible.
    const toggle = page.getByRole("list", { name: "The draft on every sample" }).getByRole("listitem").last();
    await toggle.scrollIntoViewIfNeeded();
    const box = await toggle.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    // The result figure's frame is entirely inside the card (its sticky scroll area does not clip it).
    const frame = await figure(page).locator(".preview-frame").boundingBox();
    const scroller = await panel.evaluate((el) => {
      const r = (el.parentElement as HTMLElement).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
    expect(frame).not.toBeNull();
    if (!frame) return;
    expect(frame.x).toBeGreaterThanOrEqual(scroller.left);
    expect(frame.x + frame.width).toBeLessThanOrEqual(scroller.right);
  });
}

test("after pasting JD syntax the builder shows no stale cards and points up to the JD panel", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  const content = page.getByLabel("Content");
  const builder = page.getByRole("region", { name: "Visual builder" });
  await content.fill("image/resize,w_120/rotate,90");
  await expect(builder.getByRole("group", { name: "1. Resize" })).toBeVisible();

  await content.fill("img/s/200/300");
  const jd = page.getByRole("region", { name: "JD Cloud syntax" });
  await expect(jd).toBeVisible();
  await expect(builder.getByRole("group", { name: /^\d+\. / })).toHaveCount(0);
  const notice = builder.getByRole("status");
  await expect(notice).toContainText("above");
  await expect(notice).not.toContainText("below");
  // And the panel it names is indeed above the builder.
  const jdBox = await jd.boundingBox();
  const builderBox = await builder.boundingBox();
  expect((jdBox?.y ?? 0) + (jdBox?.height ?? 0)).toBeLessThanOrEqual(builderBox?.y ?? 0);

  await jd.getByRole("button", { name: "Use the Alibaba version" }).click();
  await expect(builder.getByRole("group", { name: "1. Resize" })).toBeVisible();
});

test("an empty content's message names only what can be saved", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await page.getByLabel("Name", { exact: true }).fill("e2e-empty-content");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const content = page.getByLabel("Content");
  await expect(content).toHaveAccessibleDescription(/image\/…/);
  // What can be saved is an image/… chain: not a style/… reference, not JD's img/… (they cannot be).
  const description = await content.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
  expect(description).not.toMatch(/style\/|img\//);
});
