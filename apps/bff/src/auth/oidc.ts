import * as client from "openid-client";
import { HttpError } from "../http/error.ts";
import type { OidcRoleMapping } from "./oidc-role.ts";

/** Single sign-on's configuration (`OIDC_*` in env.ts). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE alone). */
  clientSecret?: string;
  /** Where the provider sends the browser back; default `<the request's origin>/api/auth/oidc/callback`. */
  redirectUri?: string;
  scopes: string;
  roles: OidcRoleMapping;
  /** The sign-in button's label. */
  displayName: string;
}

/** What a sign-in started: kept in a short-lived HttpOnly cookie until the provider sends the browser back. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  /** `<issuer>|<sub>`: stable across renames at the provider. */
  subject: string;
  preferredUsername: string;
  displayName: string;
  claims: Record<string, unknown>;
}

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/**
 * An OpenID Connect relying party through `openid-client` (authorization code flow with PKCE S256,
 * state and nonce; decision 00X). The provider's metadata is discovered on first use, not at start-up,
 * so a provider that is down does not stop the console; a failed discovery is retried on the next sign-in.
 * Plain `http` is allowed only for a loopback issuer (tests, local providers).
 */
export function createOidc(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= (async () => {
      const issuer = new URL(config.issuer);
      const insecure = issuer.protocol === "http:" && isLoopback(issuer);
      return client.discovery(
        issuer,
        config.clientId,
        undefined,
        config.clientSecret === undefined ? client.None() : client.ClientSecretPost(config.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  }

  const unreachable = (cause: unknown) =>
    new HttpError("OidcUnavailable", "The single sign-on provider cannot be reached; try again later.", {
      details: { cause: cause instanceof Error ? cause.name : "unknown" },
    });

  /** The provider's authorization URL for a new sign-in, and the flow to keep until the callback. */
  async function start(requestOrigin: string): Promise<{ url: string; flow: OidcFlow }> {
    const conf = await configuration().catch((e) => {
      throw unreachable(e);
    });
    const verifier = client.randomPKCECodeVerifier();
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      redirectUri: config.redirectUri ?? `${requestOrigin}/api/auth/oidc/callback`,
    };
    const url = client.buildAuthorizationUrl(conf, {
      redirect_uri: flow.redirectUri,
      scope: config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /**
   * Exchanges the callback's code (checking state, nonce and the PKCE verifier) and reads who signed in
   * from the ID token, completed by userinfo when the provider has one.
   */
  async function finish(callbackUrl: URL, flow: OidcFlow): Promise<OidcIdentity> {
    const conf = await configuration().catch((e) => {
      throw unreachable(e);
    });
    // The library sends the URL it is given, without its query, as redirect_uri: it must be the one the
    // flow started with, even when a proxy makes this request's own URL look different.
    const current = new URL(flow.redirectUri);
    current.search = callbackUrl.search;
    const tokens = await client.authorizationCodeGrant(conf, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new HttpError("OidcFailed", "The provider sent no ID token.");
    let claims: Record<string, unknown> = { ...idClaims };
    if (conf.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(conf, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
    const text = (name: string) => (typeof claims[name] === "string" ? (claims[name] as string) : undefined);
    const preferredUsername = text("preferred_username") ?? text("email") ?? idClaims.sub;
    return {
      subject: `${idClaims.iss}|${idClaims.sub}`,
      preferredUsername,
      displayName: text("name") ?? preferredUsername,
      claims,
    };
  }

  return { start, finish, config };
}

export type Oidc = ReturnType<typeof createOidc>;
