import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";

describe("parseEnv", () => {
  it("defaults to loopback and port 8787", () => {
    expect(parseEnv({})).toMatchObject({ HOST: "127.0.0.1", PORT: 8787, oss: { mode: "embedded" } });
  });

  it("takes HOST and PORT", () => {
    expect(parseEnv({ HOST: "0.0.0.0", PORT: "9000" })).toMatchObject({ HOST: "0.0.0.0", PORT: 9000 });
  });

  it("names every bad variable at once", () => {
    const attempt = () => parseEnv({ PORT: "70000", HOST: "" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/HOST/);
    }
  });
});
