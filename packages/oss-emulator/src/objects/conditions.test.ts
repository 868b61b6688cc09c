import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "../storage/objects.ts";
import { evaluateConditions } from "./conditions.ts";

const meta: ObjectMeta = {
  key: "a.txt",
  size: 1,
  etag: "0CC175B9C0F1B6A831C399E269772661",
  contentType: "text/plain",
  lastModified: Date.parse("Fri, 13 Nov 2015 14:47:53 GMT") + 400,
  userMeta: {},
};
const at = (req: Record<string, string>) =>
  evaluateConditions(
    {
      headers: Object.fromEntries(Object.entries(req).map(([k, v]) => [k.toLowerCase(), v])),
    } as IncomingMessage,
    meta,
  );
const etag = `"${meta.etag}"`;
const before = "Fri, 13 Nov 2015 14:47:52 GMT";
const same = "Fri, 13 Nov 2015 14:47:53 GMT";

// The GetObject page's rules, with RFC 7232's order when several headers are sent.
describe("evaluateConditions", () => {
  it.each([
    [{ "If-Match": etag }, undefined],
    [{ "If-Match": '"nope"' }, { status: 412, condition: "If-Match" }],
    [{ "If-Match": `"nope", ${etag}` }, undefined],
    [{ "If-Match": "*" }, undefined],
    [{ "If-Match": `W/${etag}` }, { status: 412, condition: "If-Match" }],
    [{ "If-None-Match": etag }, { status: 304 }],
    [{ "If-None-Match": `W/${etag}` }, { status: 304 }],
    [{ "If-None-Match": `"x", "y", ${etag}` }, { status: 304 }],
    [{ "If-None-Match": "*" }, { status: 304 }],
    [{ "If-None-Match": '"x"' }, undefined],
    [{ "If-Modified-Since": same }, { status: 304 }],
    [{ "If-Modified-Since": before }, undefined],
    [{ "If-Modified-Since": "yesterday" }, undefined],
    [{ "If-Unmodified-Since": same }, undefined],
    [{ "If-Unmodified-Since": before }, { status: 412, condition: "If-Unmodified-Since" }],
    [{ "If-Match": etag, "If-Unmodified-Since": before }, undefined],
    [{ "If-None-Match": '"x"', "If-Modified-Since": same }, undefined],
    [
      { "If-Match": '"nope"', "If-None-Match": etag },
      { status: 412, condition: "If-Match" },
    ],
  ] as const)("%j → %j", (headers, outcome) => {
    expect(at(headers)).toEqual(outcome);
  });
});
