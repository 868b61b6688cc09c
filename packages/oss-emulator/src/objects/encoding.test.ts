import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";
import { urlEncode } from "./list.ts";

// `encoding-type=url` on ListObjects (V1) and ListObjectsV2, read with saxes, a strict XML 1.0
// parser (the kind of parser OSS's clients use), and decoded the way the official SDKs do
// (alibabacloud-oss-go-sdk-v2 `unmarshalEncodeType`: a query unescape of every name).

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ buckets: ["photos"] });
  for (const key of ["x%2Fy.txt", "ctl/\u0001.txt", "ctl/a b+c.txt", "ctl/图.txt"]) {
    const res = await signedRequest(emu.endpoint, { method: "PUT", bucket: "photos", key, body: "1" });
    expect(res.status).toBe(200);
  }
});
afterAll(() => emu.dispose());

/** Element texts by name, through a strict parser; throws when the document is not well-formed XML. */
function strictTexts(xml: string): Map<string, string[]> {
  const parser = new SaxesParser();
  const texts = new Map<string, string[]>();
  const open: string[] = [];
  let text = "";
  parser.on("opentag", (tag) => {
    open.push(tag.name);
    text = "";
  });
  parser.on("text", (t) => {
    text += t;
  });
  parser.on("closetag", (tag) => {
    open.pop();
    texts.set(tag.name, [...(texts.get(tag.name) ?? []), text]);
    text = "";
  });
  parser.write(xml).close();
  return texts;
}

const queryUnescape = (s: string): string => decodeURIComponent(s.replace(/\+/g, " "));

const list = (query: Array<[string, string]>) =>
  signedRequest(emu.endpoint, { method: "GET", bucket: "photos", query });

describe("encoding-type=url", () => {
  const versions: Array<[string, Array<[string, string]>]> = [
    ["V2", [["list-type", "2"]]],
    ["V1", []],
  ];
  for (const [version, base] of versions) {
    it(`${version}: keys come percent-encoded with <EncodingType>url</EncodingType>, decode to the stored keys, and parse strictly`, async () => {
      const res = await list([...base, ["encoding-type", "url"]]);
      expect(res.status).toBe(200);
      const texts = strictTexts(res.text);
      expect(texts.get("EncodingType")).toEqual(["url"]);
      const keys = texts.get("Key") ?? [];
      expect(keys).toContain("x%252Fy.txt");
      expect(keys.map(queryUnescape).sort()).toEqual(
        ["ctl/\u0001.txt", "ctl/a b+c.txt", "ctl/图.txt", "x%2Fy.txt"].sort(),
      );
    });

    it(`${version}: prefix, delimiter, markers and common prefixes are encoded too`, async () => {
      const after: Array<[string, string]> =
        version === "V2" ? [["start-after", "ctl/a b"]] : [["marker", "ctl/a b"]];
      const res = await list([
        ...base,
        ["encoding-type", "url"],
        ["prefix", "ctl/"],
        ["delimiter", "+"],
        ["max-keys", "1"],
        ...after,
      ]);
      const texts = strictTexts(res.text);
      expect(texts.get("Prefix")?.[0]).toBe("ctl%2F");
      expect(texts.get("Delimiter")).toEqual(["%2B"]);
      expect(texts.get(version === "V2" ? "StartAfter" : "Marker")).toEqual(["ctl%2Fa%20b"]);
      // "ctl/a b+c.txt" rolls up at "+" into the common prefix "ctl/a b+".
      expect(texts.get("Prefix")?.slice(1).map(queryUnescape)).toEqual(["ctl/a b+"]);
      if (version === "V1") expect(texts.get("NextMarker")?.map(queryUnescape)).toEqual(["ctl/a b+"]);
    });
  }

  it("without encoding-type a listing that holds a control character is refused, not sent malformed", async () => {
    const res = await list([["list-type", "2"]]);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ Code: "InvalidArgument", ArgumentName: "encoding-type" });
    const clean = await list([
      ["list-type", "2"],
      ["prefix", "x"],
    ]);
    expect(strictTexts(clean.text).get("Key")).toEqual(["x%2Fy.txt"]);
  });

  it("refuses an encoding-type other than url", async () => {
    const res = await list([
      ["list-type", "2"],
      ["encoding-type", "base64"],
    ]);
    expect(res.status).toBe(400);
    expect(errorOf(res).ArgumentName).toBe("encoding-type");
  });

  it("an error that quotes such a key is still well-formed XML", async () => {
    const res = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "none/\u0002" });
    expect(res.status).toBe(404);
    expect(strictTexts(res.text).get("Key")).toEqual(["none/\uFFFD"]);
  });
});

describe("urlEncode", () => {
  it("encodes what a query unescape restores, + and space included", () => {
    for (const name of ["x/y z+1.txt", "!'()*~", "图\u0001"])
      expect(queryUnescape(urlEncode(name))).toBe(name);
    expect(urlEncode("a b+c")).toBe("a%20b%2Bc");
  });
});
