import { startOidcProvider } from "../fixtures/oidc-provider.ts";
import { expect, test } from "../fixtures/test.ts";

/**
 * The provider's own pages (its development login) ask for a stylesheet on the internet and a favicon
 * it does not have: those load failures are the provider's, not the console's. Takes them out of the
 * page's console errors after checking that is all they are.
 */
function dropProviderPageErrors(errors: string[], from: number) {
  const theirs = errors.splice(from);
  expect(theirs.every((e) => e.startsWith("console.error: Failed to load resource"))).toBe(true);
}

let provider: { close: () => Promise<void> };
test.beforeAll(async () => {
  provider = await startOidcProvider();
});
test.afterAll(async () => {
  await provider.close();
});

test("single sign-on against a real OpenID provider: the role comes from the claim, then sign out", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/");
  const atProvider = consoleErrors.length;
  await page.getByRole("link", { name: "Sign in with Test SSO" }).click();

  // oidc-provider's own login and consent pages (its development interactions).
  await page.locator('input[name="login"]').fill("dmitri.designer");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/buckets\/demo-photos\/styles$/);
  await expect(page.getByLabel("Your role: Designer")).toBeVisible();
  dropProviderPageErrors(consoleErrors, atProvider);
  const session = await (await page.request.get("/api/session")).json();
  expect(session).toMatchObject({
    signedIn: true,
    via: "oidc",
    user: { username: "dmitri.designer", role: "designer" },
  });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Style Console" })).toBeVisible();
  expect((await page.request.get("/api/buckets")).status()).toBe(401);

  // Signing in again finds the same account (by the provider's subject), and the provider remembers
  // the person, so it goes straight back.
  const again0 = consoleErrors.length;
  await page.getByRole("link", { name: "Sign in with Test SSO" }).click();
  await expect(page.getByLabel("Your role: Designer")).toBeVisible();
  dropProviderPageErrors(consoleErrors, again0);
  const again = await (await page.request.get("/api/session")).json();
  expect(again.user.id).toBe(session.user.id);
});

test("a provider account without a console role is refused, with the reason in the person's language", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/");
  const atProvider = consoleErrors.length;
  await page.getByRole("link", { name: "Sign in with Test SSO" }).click();
  await page.locator('input[name="login"]').fill("nora.nobody");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("has no role in this console");
  dropProviderPageErrors(consoleErrors, atProvider);
  expect(page.url()).not.toContain("signInError");
});
