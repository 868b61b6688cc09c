import { readFileSync } from "node:fs";
import { expectDimensions, figure, pickSample } from "../fixtures/preview.ts";
import { screenshotAtWidths } from "../fixtures/screens.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

test("pick a sample, type a resize and see the dimensions follow; a syntax error keeps the last good preview", async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await pickSample(page, "image-demo_example");
  await expectDimensions(page, 400, 267, "Original");
  const content = page.getByLabel("Content");

  await content.fill("image/resize,w_200");
  const first = await expectDimensions(page, 200, 134);
  expect(first).toMatch(/^blob:/);
  await expect(figure(page).locator("dl")).toContainText("JPG");

  // Typed character by character, as a designer does: only the last value matters.
  await content.fill("image/resize,w_");
  await content.pressSequentially("120");
  const second = await expectDimensions(page, 120, 80);
  expect(second).not.toBe(first);

  await content.fill("image/resize,w_abc");
  await expect(content).toHaveAccessibleDescription(/^Position 16: [^`]*abc[^`]*$/);
  await expect(page.getByRole("status").filter({ hasText: "showing the last valid preview" })).toBeVisible();
  // The last good image is still on screen, untouched, with its facts.
  await expect(figure(page).getByRole("img")).toHaveAttribute("src", second ?? "");
  await expect(figure(page).getByRole("img")).toBeVisible();
  await expect(figure(page).locator("dl")).toContainText("120 × 80");

  await content.fill("image/resize,w_300/format,png");
  await expectDimensions(page, 300, 200);
  await expect(figure(page).locator("dl")).toContainText("PNG");
  await screenshotAtWidths(page, testInfo, "editor-preview");
});

test("upload an image with a progress bar, then preview on it", async ({ page, consoleErrors }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await page.getByLabel("Content").fill("image/resize,w_200");
  await page.getByRole("tab", { name: "Upload" }).click();

  // A slow link, so the bar is seen moving: 85 KB at 40 KB/s.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 40 * 1024,
  });
  // Dropped on the drop zone, as a designer drags a file from their desktop.
  const bytes = [...readFileSync(new URL("../../apps/bff/samples/flowers.jpeg", import.meta.url))];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "flowers.jpeg", { type: "image/jpeg" }));
    return transfer;
  }, bytes);
  await page.getByText("Drop an image here").dispatchEvent("drop", { dataTransfer });
  const bar = page.getByRole("progressbar", { name: "Uploading flowers.jpeg" });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute("value")), { timeout: 10_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole("status").filter({ hasText: "Uploaded flowers.jpeg" })).toBeVisible({
    timeout: 15_000,
  });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // flowers.jpeg is 1920×1080: the preview now runs on the upload.
  await expectDimensions(page, 1920, 1080, "Original");
  await expectDimensions(page, 200, 113);

  // A file that is not an image is refused with the server's reason (the type is read from the bytes).
  await page.getByRole("tab", { name: "Upload" }).click();
  await page.locator("input[type=file]").setInputFiles({
    name: "notes.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not an image at all"),
  });
  await expect(page.getByRole("alert").filter({ hasText: "notes.jpg was refused" })).toBeVisible();
  for (const error of consoleErrors.splice(0)) expect(error).toMatch(/status of 4\d\d/);

  // The upload is listed among the samples and can be deleted again.
  await page.getByRole("tab", { name: "Samples" }).click();
  await page.getByRole("button", { name: "Delete upload flowers.jpeg" }).click();
  await expect(page.getByRole("button", { name: "Delete upload flowers.jpeg" })).toHaveCount(0);
});

test("preview an object of the bucket, found by prefix", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await page.getByLabel("Content").fill("image/resize,w_100");
  await page.getByRole("tab", { name: "Bucket objects" }).click();
  await page.getByRole("searchbox", { name: "Object prefix" }).fill("photos/ex");
  const list = page.getByRole("list", { name: `Images in ${bucket}` });
  await expect(list.getByRole("button")).toHaveCount(1);
  await list.getByRole("button", { name: /photos\/example\.jpg/ }).click();
  await expectDimensions(page, 400, 267, "Original");
  await expectDimensions(page, 100, 67);

  // Parity: the backend (here the emulator) renders the same draft on the object itself.
  await page.getByRole("button", { name: "Check against OSS" }).click();
  await expect(page.getByRole("status").filter({ hasText: "OSS's own render" })).toContainText(
    /100×67 JPG, .*; (99\.\d|100\.0)% similar/,
  );
});

test("before/after divider and 100% zoom work by keyboard; a render the server refuses keeps the last image", async ({
  page,
  consoleErrors,
}) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await pickSample(page, "image-demo_example");
  const content = page.getByLabel("Content");
  await content.fill("image/resize,w_200/bright,40");
  const good = await expectDimensions(page, 200, 134);

  await page.getByRole("button", { name: "100%" }).click();
  await expect(page.getByRole("button", { name: "100%" })).toHaveAttribute("aria-pressed", "true");
  const shown = await figure(page, "Original").getByRole("img").boundingBox();
  expect(Math.round(shown?.width ?? 0)).toBe(400); // the original at its own size, scrollable
  await page.getByRole("button", { name: "Fit" }).click();

  await page.getByRole("button", { name: "Before / after" }).click();
  const divider = page.getByRole("slider", { name: "Before / after divider" });
  await expect(divider).toHaveValue("50");
  await divider.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("End");
  await expect(divider).toHaveValue("100");
  await page.getByRole("button", { name: "Side by side" }).click();

  // Valid syntax the renderer refuses (the crop starts outside the 400×267 image): its reason is shown,
  // the last good image stays.
  await content.fill("image/crop,x_1000,y_10,w_10,h_10");
  await expect(figure(page).getByRole("alert")).toContainText("out of image");
  await expect(figure(page).getByRole("img")).toHaveAttribute("src", good ?? "");
  // Chromium logs the 400 as a failed resource load: expected here, and the only error allowed.
  const errors = consoleErrors.splice(0);
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test("the draft on every built-in sample at once", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  await page.getByLabel("Content").fill("image/resize,w_100/format,webp");
  await page.getByRole("button", { name: "Try on every sample" }).click();
  const grid = page.getByRole("list", { name: "The draft on every sample" });
  const cells = grid.getByRole("listitem");
  const listed = (await (await page.request.get("/api/samples")).json()) as {
    samples: Array<{ kind: string }>;
  };
  const builtins = listed.samples.filter((s) => s.kind === "builtin").length;
  await expect(cells).toHaveCount(builtins);
  await expect(cells.filter({ hasText: "image-demo_example.jpg" })).toContainText("100×67 WEBP");
  await expect(cells.filter({ hasText: "2569067123_aca715a2ee_o.jpg" })).toContainText("100×82 WEBP");
  await expect(grid.getByRole("img")).toHaveCount(builtins);
});
