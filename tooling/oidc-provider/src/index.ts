import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** What {@link startTestProvider} sets up. */
export interface TestProviderOptions {
  /** The console's callback (`<origin>/api/auth/oidc/callback`), the client's one redirect URI. */
  redirectUri: string;
  /** Login → the `roles` claim the provider sends for it (the console maps it to a role). */
  roles: Record<string, unknown>;
  /** Loopback port to listen on (default: a free one, taken before the issuer is named). */
  port?: number;
  clientId?: string;
  clientSecret?: string;
}

/** A started provider: its issuer URL, its one client's credentials, and how to stop it. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close: () => Promise<void>;
}

/** The `name` claim of a login: "dmitri.designer" → "Dmitri Designer". */
export const displayNameOf = (login: string): string =>
  login
    .split(".")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real OpenID provider (`oidc-provider`, OpenID Certified) on a loopback port for tests, with one
 * confidential client that must use PKCE, and people whose `roles` claim the test chooses. Its
 * development login and consent pages take any login; {@link signInAtProvider} drives them over HTTP,
 * a browser test drives them in Chromium. The BFF's unit tests and the browser suite both start it.
 * @example
 * const provider = await startTestProvider({ redirectUri, roles: { "olga.operator": ["operator"] } });
 * // OIDC_ISSUER=provider.issuer …; await provider.close();
 */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const clientId = options.clientId ?? "style-console-test";
  const clientSecret = options.clientSecret ?? "test-oidc-client-secret-0123456789";
  // The issuer must be known before listening: take a free port first, then bind the provider to it.
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "roles"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        preferred_username: id,
        name: displayNameOf(id),
        roles: options.roles[id],
      }),
    }),
    cookies: { keys: ["test-cookie-key-not-a-secret"] },
  });
  const server = provider.listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows an authorization URL through the provider's login and consent pages as a browser would
 * (cookies kept per request chain), and returns the URL the provider finally redirects to: the
 * client's redirect URI with `code` and `state`.
 * @example
 * const back = await signInAtProvider(authorizationUrl, "dmitri.designer"); // back.searchParams.get("code")
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    const res = await send(url);
    const location = res.headers.get("Location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`The provider showed no form at ${url} (${res.status})`);
    const body = new URLSearchParams({ prompt, ...(prompt === "login" ? { login, password: "any" } : {}) });
    const posted = await send(new URL(action.replaceAll("&amp;", "&"), url).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const after = posted.headers.get("Location");
    if (!after) throw new Error(`The provider did not redirect after ${prompt} (${posted.status})`);
    url = new URL(after, url).href;
  }
  throw new Error("The provider never redirected back to the client");
}
