/**
 * The one-click sign-in link the server prints is `/#token=…`. The fragment never reaches a server log,
 * and we take it out of the address bar (and history) before anything renders, so it cannot be
 * bookmarked, shared or shoulder-surfed afterwards.
 */
export function takeFragmentToken(location: Location, history: History): string | null {
  const link = takeFragment(location, history);
  return link?.kind === "token" ? link.value : null;
}

/** A secret that arrived in the address bar's fragment: the one-click sign-in or an invite/reset link. */
export interface FragmentLink {
  kind: "token" | "invite";
  value: string;
}

/**
 * Takes `#token=…` or `#invite=…` out of the address bar (replacing the history entry, so Back does not
 * bring it back) and returns it; null for any other fragment, which is left alone.
 * @example
 * takeFragment(location, history); // { kind: "invite", value: "q3V…" } and the address bar is clean
 */
export function takeFragment(location: Location, history: History): FragmentLink | null {
  const match = /^#(token|invite)=([^&]+)/.exec(location.hash);
  if (!match?.[1] || !match[2]) return null;
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  try {
    return { kind: match[1] as FragmentLink["kind"], value: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

/**
 * Takes `?signInError=<code>` (where single sign-on sends the browser back after a failure) out of the
 * address bar and returns the code.
 */
export function takeSignInError(location: Location, history: History): string | null {
  const params = new URLSearchParams(location.search);
  const code = params.get("signInError");
  if (code === null) return null;
  params.delete("signInError");
  const search = params.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  return /^\w{1,40}$/.test(code) ? code : "OidcFailed";
}

const hintKey = "style-console.signed-in";

/**
 * A hint (not a credential: the session is an HttpOnly cookie) that the last visit was signed in, so
 * the app may fetch the buckets and styles in parallel with the session check instead of after it.
 */
export const signedInHint = {
  get: () => localStorage.getItem(hintKey) === "1",
  set: (on: boolean) => (on ? localStorage.setItem(hintKey, "1") : localStorage.removeItem(hintKey)),
};
