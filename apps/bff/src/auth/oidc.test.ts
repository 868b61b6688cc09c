import { signInAtProvider, startTestProvider } from "@style-console/oidc-test-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidc, type Oidc } from "./oidc.ts";
import { roleFromClaims } from "./oidc-role.ts";

const consoleOrigin = "http://127.0.0.1:9";
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let oidc: Oidc;
beforeAll(async () => {
  provider = await startTestProvider({
    redirectUri: `${consoleOrigin}/api/auth/oidc/callback`,
    roles: { "dmitri.designer": ["designer", "other-group"], "olga.operator": "operator" },
  });
  oidc = createOidc({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: "openid profile",
    roles: { claim: "roles", map: null, defaultRole: null },
    displayName: "Test SSO",
  });
});
afterAll(() => provider.close());

describe("the OIDC client against a real provider", () => {
  it("signs in with the authorization code and PKCE, and reads the role claim", async () => {
    const { url, flow } = await oidc.start(consoleOrigin);
    const auth = new URL(url);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get("state")).toBe(flow.state);
    const back = await signInAtProvider(url, "dmitri.designer");
    expect(back.searchParams.get("code")).toBeTruthy();
    const identity = await oidc.finish(back, flow);
    expect(identity).toMatchObject({
      subject: `${provider.issuer}|dmitri.designer`,
      preferredUsername: "dmitri.designer",
      displayName: "Dmitri Designer",
    });
    expect(roleFromClaims(identity.claims, oidc.config.roles)).toBe("designer");
  });

  it("refuses a callback whose state is not the flow's, and a code used twice", async () => {
    const { url, flow } = await oidc.start(consoleOrigin);
    const back = await signInAtProvider(url, "olga.operator");
    await expect(oidc.finish(back, { ...flow, state: "someone-else's" })).rejects.toThrow();
    const { url: url2, flow: flow2 } = await oidc.start(consoleOrigin);
    const back2 = await signInAtProvider(url2, "olga.operator");
    expect((await oidc.finish(back2, flow2)).preferredUsername).toBe("olga.operator");
    await expect(oidc.finish(back2, flow2)).rejects.toThrow();
  });

  it("answers 502 OidcUnavailable when the provider cannot be reached", async () => {
    const down = createOidc({ ...oidc.config, issuer: "http://127.0.0.1:9" });
    await expect(down.start(consoleOrigin)).rejects.toMatchObject({ status: 502, code: "OidcUnavailable" });
  });
});
