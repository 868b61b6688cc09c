import { describe, expect, it, vi } from "vitest";
import { takeFragmentToken } from "./fragment.ts";

function fakeLocation(hash: string) {
  return { hash, pathname: "/buckets/demo/styles", search: "?q=1" } as Location;
}

describe("takeFragmentToken", () => {
  it("returns the token and removes it from the address bar", () => {
    const history = { replaceState: vi.fn() } as unknown as History;
    expect(takeFragmentToken(fakeLocation("#token=abc%2Bdef"), history)).toBe("abc+def");
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/buckets/demo/styles?q=1");
  });

  it("leaves other fragments alone", () => {
    const history = { replaceState: vi.fn() } as unknown as History;
    expect(takeFragmentToken(fakeLocation("#section"), history)).toBeNull();
    expect(takeFragmentToken(fakeLocation(""), history)).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});

describe("takeFragment and takeSignInError", () => {
  it("takes an invite link out of the address bar", async () => {
    const { takeFragment } = await import("./fragment.ts");
    const history = { replaceState: vi.fn() } as unknown as History;
    expect(takeFragment(fakeLocation("#invite=s3cret"), history)).toEqual({
      kind: "invite",
      value: "s3cret",
    });
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/buckets/demo/styles?q=1");
  });

  it("reads a single sign-on failure and keeps the rest of the query", async () => {
    const { takeSignInError } = await import("./fragment.ts");
    const history = { replaceState: vi.fn() } as unknown as History;
    const location = { hash: "", pathname: "/", search: "?signInError=OidcNoRole&x=1" } as Location;
    expect(takeSignInError(location, history)).toBe("OidcNoRole");
    expect(history.replaceState).toHaveBeenCalledWith(null, "", "/?x=1");
  });
});
