import type { Request } from "@playwright/test";
import { expect, signIn, stylesViaApi, test } from "../fixtures/test.ts";

const bucket = "demo-photos";

test("a bad name and a bad content show positioned errors and never reach the server", async ({ page }) => {
  await signIn(page);
  await page.goto(`/buckets/${bucket}/styles/new`);
  const writes: string[] = [];
  page.on("request", (request: Request) => {
    if (new URL(request.url()).pathname.startsWith("/api/") && request.method() !== "GET")
      writes.push(`${request.method()} ${request.url()}`);
  });

  const name = page.getByLabel("Name", { exact: true });
  await name.fill("bad/name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/“\/” at position 4 is not allowed/);

  const content = page.getByLabel("Content");
  await content.fill("image/resize,w_abc");
  await expect(content).toHaveAttribute("aria-invalid", "true");
  await expect(content).toHaveAccessibleDescription(/^Position 16: [^`]*abc[^`]*$/);

  // The underline sits under exactly "abc" (CodeMirror's diagnostic range).
  await expect(page.locator(".cm-lintRange-error")).toHaveText("abc");

  // Neither the button nor the shortcut sends anything; focus goes to the first problem.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(name).toBeFocused();
  await name.fill("fine-name-e2e");
  await expect(name).toHaveAttribute("aria-invalid", "false");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(content).toBeFocused();
  await name.fill("x".repeat(64));
  await expect(name).toHaveAccessibleDescription(/64 characters; OSS allows at most 63/);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  expect(writes).toEqual([]);
  const names = (await stylesViaApi(page, bucket)).map((s) => s.name);
  expect(names).not.toContain("fine-name-e2e");
  expect(names).not.toContain("bad/name");
  const audit = await page.request.get(`/api/audit?bucket=${bucket}&style=fine-name-e2e`);
  expect(audit.status()).toBe(200);
  expect((await audit.json()).entries).toEqual([]);
});
