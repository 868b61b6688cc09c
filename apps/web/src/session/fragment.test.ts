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
