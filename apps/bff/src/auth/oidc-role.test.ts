import { describe, expect, it } from "vitest";
import { parseRoleMap, roleFromClaims } from "./oidc-role.ts";

describe("roleFromClaims", () => {
  const direct = { claim: "role", map: null, defaultRole: null };
  it.each([
    [{ role: "designer" }, direct, "designer"],
    [{ role: ["viewer", "operator"] }, direct, "operator"],
    [{ role: "superuser" }, direct, null],
    [{}, { ...direct, defaultRole: "viewer" as const }, "viewer"],
    [{ realm: { roles: ["x", "admin"] } }, { ...direct, claim: "realm.roles" }, "admin"],
    [
      { groups: ["design-team", "ops"] },
      {
        claim: "groups",
        map: new Map([
          ["ops", "operator" as const],
          ["design-team", "designer" as const],
        ]),
        defaultRole: null,
      },
      "operator",
    ],
    // With a map, a value that merely names a role is not taken: the map is the whole rule.
    [
      { groups: ["admin"] },
      { claim: "groups", map: new Map([["ops", "operator" as const]]), defaultRole: null },
      null,
    ],
  ])("%j with %j → %s", (claims, mapping, expected) => {
    expect(roleFromClaims(claims, mapping)).toBe(expected);
  });
});

describe("parseRoleMap", () => {
  it("reads value=role pairs and names a bad entry", () => {
    expect(parseRoleMap("console-admins=admin, a=b=designer")).toEqual(
      new Map([
        ["console-admins", "admin"],
        ["a=b", "designer"],
      ]),
    );
    expect(parseRoleMap("ops=root")).toMatch(/"ops=root" is not value=role/);
    expect(parseRoleMap("=admin")).toMatch(/not value=role/);
  });
});
