import { describe, expect, it } from "vitest";
import { resolveAddress } from "./address.ts";

describe("resolveAddress", () => {
  it.each([
    ["127.0.0.1:9000", "/photos/a%20b.jpg", { bucket: "photos", key: "a b.jpg", virtualHosted: false }],
    ["127.0.0.1:9000", "/photos/", { bucket: "photos", key: "", virtualHosted: false }],
    ["127.0.0.1:9000", "/photos", { bucket: "photos", key: "", virtualHosted: false }],
    ["127.0.0.1:9000", "/", { bucket: undefined, key: "", virtualHosted: false }],
    ["photos.localhost:9000", "/dir/x+y.txt", { bucket: "photos", key: "dir/x+y.txt", virtualHosted: true }],
    ["Photos.LOCALHOST", "/", { bucket: "photos", key: "", virtualHosted: true }],
    ["localhost:9000", "/photos/k", { bucket: "photos", key: "k", virtualHosted: false }],
    // The Go v1 SDK sends slashes of the key encoded; the decoded key is the same.
    ["b.localhost", "/1234%2B-%2F123%2F1.txt", { bucket: "b", key: "1234+-/123/1.txt", virtualHosted: true }],
    // OSS endpoints route by Host whatever address was dialled (ali-oss sends these to an IP endpoint).
    [
      "photos.oss-cn-shanghai.aliyuncs.com",
      "/a.jpg",
      {
        bucket: "photos",
        key: "a.jpg",
        virtualHosted: true,
        endpoint: { region: "cn-shanghai", internal: false },
      },
    ],
    [
      "photos.oss-eu-central-1-internal.aliyuncs.com:80",
      "/",
      { bucket: "photos", key: "", endpoint: { region: "eu-central-1", internal: true } },
    ],
    [
      "oss-cn-hangzhou.aliyuncs.com",
      "/photos/k",
      {
        bucket: "photos",
        key: "k",
        virtualHosted: false,
        endpoint: { region: "cn-hangzhou", internal: false },
      },
    ],
    [".oss-cn-shanghai.aliyuncs.com", "/", { bucket: undefined, endpoint: { region: "cn-shanghai" } }],
    ["oss-ap-southeast-1.aliyuncs.com", "/", { bucket: undefined, endpoint: { region: "ap-southeast-1" } }],
    ["10.0.0.7:9000", "/", { bucket: undefined, endpoint: undefined }],
  ])("%s %s", (host, url, expected) => {
    expect(resolveAddress(host, url, ["localhost"])).toMatchObject(expected);
  });

  it("decodes the query into ordered pairs, valueless names as empty values, + as a plus", () => {
    expect(resolveAddress("h", "/b/?style&styleName=a%2Fb&x=1+2&empty=", ["localhost"]).query).toEqual([
      ["style", ""],
      ["styleName", "a/b"],
      ["x", "1+2"],
      ["empty", ""],
    ]);
  });

  it("refuses bad percent-encoding as InvalidURI", () => {
    expect(() => resolveAddress("h", "/b/%zz", [])).toThrow(
      expect.objectContaining({ code: "InvalidURI", status: 400 }),
    );
    expect(() => resolveAddress("h", "/b/?styleName=%zz", [])).toThrow(
      expect.objectContaining({ code: "InvalidURI", status: 400 }),
    );
  });
});
