/**
 * The one-click sign-in link the server prints is `/#token=…`. The fragment never reaches a server log,
 * and we take it out of the address bar (and history) before anything renders, so it cannot be
 * bookmarked, shared or shoulder-surfed afterwards.
 */
export function takeFragmentToken(location: Location, history: History): string | null {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, "", `${location.pathname}${location.search}`);
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
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
