import { describe, expect, it } from "vitest";
import { accessLogListMarker, accessLogObjectName, parseAccessLogObjectName } from "./object-name.ts";

describe("access-log object names (§2.1)", () => {
  it("writes <prefix><bucket>YYYY-mm-DD-HH-00-00-<unique> in Beijing time, no separators added", () => {
    expect(accessLogObjectName("MyLog-", "oss-example", Date.UTC(2017, 8, 9, 20, 30), 0)).toBe(
      "MyLog-oss-example2017-09-10-04-00-00-0000",
    );
    expect(accessLogObjectName("log/", "examplebucket", Date.UTC(2026, 10, 29, 2), 1)).toBe(
      "log/examplebucket2026-11-29-10-00-00-0001",
    );
  });

  it("reads a name back to its hour and suffix", () => {
    expect(
      parseAccessLogObjectName("MyLog-oss-example2017-09-10-04-00-00-0000", "MyLog-", "oss-example"),
    ).toEqual({ hourStart: Date.UTC(2017, 8, 9, 20), unique: "0000" });
    // The 2016 forum copy's extra "-" after the bucket (§2.1).
    expect(
      parseAccessLogObjectName("MyLog-oss-example-2012-09-10-04-00-00-0000", "MyLog-", "oss-example"),
    ).toEqual({ hourStart: Date.UTC(2012, 8, 9, 20), unique: "0000" });
  });

  it.each([
    ["other bucket", "log/other2026-11-29-10-00-00-0000"],
    ["no stamp", "log/examplebucket.txt"],
    ["impossible date", "log/examplebucket2026-02-30-10-00-00-0000"],
    ["no suffix", "log/examplebucket2026-11-29-10-00-00"],
  ])("ignores %s", (_name, key) => {
    expect(parseAccessLogObjectName(key, "log/", "examplebucket")).toBeUndefined();
  });

  it("gives a marker that sorts before every later hour's object", () => {
    const marker = accessLogListMarker("log/", "b1", Date.UTC(2026, 10, 29, 2));
    expect(marker).toBe("log/b12026-11-29-10-00-00");
    expect(accessLogObjectName("log/", "b1", Date.UTC(2026, 10, 29, 2), 0) > marker).toBe(true);
    expect(accessLogObjectName("log/", "b1", Date.UTC(2026, 10, 29, 1), 9) < marker).toBe(true);
  });
});
