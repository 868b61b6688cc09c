import { expectDimensions, figure, pickSample } from "../fixtures/preview.ts";
import { screenshotAtWidths } from "../fixtures/screens.ts";
import { browserLikeHeaders } from "../fixtures/stack.ts";
import { chooseLanguage, expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";
const b64 = (text: string) => Buffer.from(text).toString("base64url");

test("build a style with the builder only, see the code match, save it and preview it by style reference", async ({
  page,
}, testInfo) => {
  const name = `e2e-built-${Date.now().toString(36)}`;
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await pickSample(page, "2569067123_aca715a2ee_o");
  const builder = page.getByRole("region", { name: "Visual builder" });
  const add = async (label: RegExp) => {
    await builder.getByLabel("Operation to add").selectOption({ label: label.source.replace(/\\/g, "") });
    await builder.getByRole("button", { name: "Add", exact: true }).click();
  };

  await test.step("resize", async () => {
    await add(/Resize \(resize\)/);
    const card = builder.getByRole("group", { name: "1. Resize" });
    await card.getByLabel("Width").fill("300");
  });
  await test.step("crop with the gravity picker", async () => {
    await add(/Crop \(crop\)/);
    const card = builder.getByRole("group", { name: "2. Crop" });
    await card.getByLabel("Width").fill("200");
    await card.getByLabel("Height").fill("150");
    await card.getByRole("radio", { name: "Top left" }).click();
    await expect(card.getByRole("radio", { name: "Top left" })).toBeChecked();
  });
  await test.step("watermark: text, font, size, colour, position", async () => {
    await add(/Watermark \(watermark\)/);
    const card = builder.getByRole("group", { name: "3. Watermark" });
    await card.getByLabel("Text", { exact: true }).fill("Hello");
    await card.getByLabel("Font", { exact: true }).selectOption("wqy-microhei");
    await card.getByLabel("Font size").fill("30");
    await card.getByLabel("Colour").fill("#ff0000");
    // The gravity picker by keyboard: from the starter's bottom right, up twice is top right.
    await card.getByRole("radio", { name: "Bottom right" }).focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(card.getByRole("radio", { name: "Top right" })).toBeChecked();
  });
  await test.step("format, then reorder by keyboard", async () => {
    await add(/Format \(format\)/);
    const card = builder.getByRole("group", { name: "4. Format" });
    await card.getByLabel("Output format").selectOption("png");
    await card.getByRole("button", { name: "Move Format up" }).click();
    await expect(builder.getByRole("group", { name: "3. Format" })).toBeVisible();
    await page.keyboard.press("Alt+ArrowDown");
    await expect(builder.getByRole("group", { name: "4. Format" })).toBeVisible();
  });

  const expected = `image/resize,m_lfit,w_300/crop,w_200,h_150,g_nw/watermark,g_ne,text_${b64("Hello")},type_${b64("wqy-microhei")},color_FF0000,size_30/format,png`;
  await expect(page.getByLabel("Content")).toHaveText(expected);
  await expect(page.getByLabel("Content")).toHaveAccessibleDescription("Valid: 4 operations.");
  // The 2725×2225 photo → 300×245 → cropped 200×150 from the top left, as PNG.
  await expectDimensions(page, 200, 150);
  await expect(figure(page).locator("dl")).toContainText("PNG");
  await screenshotAtWidths(page, testInfo, "editor-builder");

  await test.step("save, then preview style/<name> on another draft", async () => {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/buckets/${bucket}/styles`);
    await page.getByRole("link", { name: "New style" }).click();
    await page.getByLabel("Content").fill(`style/${name}`);
    await expect(builder.getByRole("status")).toHaveText(/reference to a saved style/);
    await expectDimensions(page, 200, 150);
    await expect(figure(page).locator("dl")).toContainText("PNG");
  });
  const res = await page.request.delete(`/api/buckets/${bucket}/styles/${name}`, {
    headers: browserLikeHeaders,
  });
  expect(res.status()).toBe(204);
});

test("edit the code and see the builder follow; code it cannot show stays code", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  const builder = page.getByRole("region", { name: "Visual builder" });
  const content = page.getByLabel("Content");

  await content.fill("image/resize,m_fill,w_120,h_90/rotate,90");
  const resize = builder.getByRole("group", { name: "1. Resize" });
  await expect(resize.getByLabel("Mode")).toHaveValue("fill");
  await expect(resize.getByLabel("Width")).toHaveValue("120");
  await expect(resize.getByLabel("Height")).toHaveValue("90");
  await expect(builder.getByRole("group", { name: "2. Rotate" }).getByLabel("Angle")).toHaveValue("90");

  // An error: the builder says so and waits, disabled, without touching the code.
  await content.fill("image/resize,m_fill,w_120,h_90/rotate,9000");
  await expect(builder.getByRole("status")).toHaveText(/The code has errors/);
  await expect(resize.getByLabel("Width")).toBeDisabled();
  await expect(content).toHaveText("image/resize,m_fill,w_120,h_90/rotate,9000");

  await content.fill("image/resize,m_fill,w_64,h_90/rotate,180");
  await expect(resize.getByLabel("Width")).toBeEnabled();
  await expect(resize.getByLabel("Width")).toHaveValue("64");
  await expect(builder.getByRole("group", { name: "2. Rotate" }).getByLabel("Angle")).toHaveValue("180");

  // Drag and drop reorders too (the keyboard path is tested above).
  await builder.getByTitle("Drag to reorder Rotate").dragTo(resize);
  await expect(content).toHaveText("image/rotate,180/resize,m_fill,w_64,h_90");

  // The builder's edit goes straight back into the code.
  await builder.getByRole("button", { name: "Remove Rotate" }).click();
  await expect(content).toHaveText("image/resize,m_fill,w_64,h_90");

  // A font OSS has and we substitute: the preview says so under the image.
  await content.fill(`image/resize,w_200/watermark,text_${b64("Hi")},type_${b64("fangzhengshusong")}`);
  await expect(figure(page)).toContainText(/Warnings.*fangzhengshusong/i);

  // `info` answers JSON, shown as text in place of an image.
  await content.fill("image/info");
  await expect(figure(page)).toContainText(/"ImageWidth"/);
  await expect(figure(page).locator("dl")).toContainText("JSON");
});

test("a pasted JD value shows its operations and converts to Alibaba in one click", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  const content = page.getByLabel("Content");
  await content.fill("img/s/200/300/sp/505");
  const jd = page.getByRole("region", { name: "JD Cloud syntax" });
  await expect(jd).toContainText("image/resize,m_lfit,w_200,h_300");
  await expect(jd.getByRole("listitem").filter({ hasText: "sp/505" })).toBeVisible();
  await jd.getByRole("button", { name: "Use the Alibaba version" }).click();
  await expect(content).toHaveText("image/resize,m_lfit,w_200,h_300");
  await expect(jd).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Visual builder" }).getByRole("group", { name: "1. Resize" }),
  ).toBeVisible();
});

test("compare the draft with the saved version on the same source", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/thumbnail/edit`);
  await pickSample(page, "image-demo_example");
  const content = page.getByLabel("Content");
  await expect(content).toHaveText("image/resize,m_fill,w_200,h_200/quality,q_85");
  await content.fill("image/resize,m_fill,w_120,h_120/quality,q_85");
  await page.getByRole("button", { name: "Compare with saved" }).click();
  await expectDimensions(page, 120, 120, "Draft");
  await expectDimensions(page, 200, 200, "Saved version");
  await expect(figure(page, "Saved version").locator("dl")).toContainText("vs original");
  await screenshotAtWidths(page, testInfo, "editor-compare");
});

test("the builder and the preview speak Chinese", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/watermarked/edit`);
  await chooseLanguage(page, "zh-CN");
  const builder = page.getByRole("region", { name: "可视化编辑" });
  await expect(builder.getByRole("group", { name: /^第 1 步：/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: "处理结果" }).locator("dl")).toContainText("尺寸");
  await screenshotAtWidths(page, testInfo, "editor-zh-CN");
});
