import type { NameIssue } from "./issue.ts";

/** The longest object key OSS stores, in UTF-8 bytes. */
export const OBJECT_KEY_MAX_BYTES = 1023;

const utf8 = new TextEncoder();

/**
 * OSS's rule for object keys (1–1023 bytes of UTF-8, not starting with `/` or `\`; OSS "Object naming
 * conventions"), plus the dot-segment rule: no `/`-separated segment may be `.` or `..`, because a URL
 * resolves such segments away (WHATWG URL path parsing) and the request would address another object
 * and no longer match its signature. Every problem with its position; empty means valid.
 * @example
 * objectKeyIssues("photos/cat.jpg"); // []
 * objectKeyIssues("a/../b")[0]?.code; // "DotSegment"
 */
export function objectKeyIssues(key: string): NameIssue[] {
  if (key.length === 0)
    return [{ code: "Empty", message: "An object key is required.", offset: 0, length: 0 }];
  const issues: NameIssue[] = [];
  const bytes = utf8.encode(key).length;
  if (bytes > OBJECT_KEY_MAX_BYTES) {
    issues.push({
      code: "TooLong",
      max: OBJECT_KEY_MAX_BYTES,
      actual: bytes,
      message: `An object key has at most ${OBJECT_KEY_MAX_BYTES} bytes of UTF-8; this one has ${bytes}.`,
      offset: 0,
      length: key.length,
    });
  }
  if (key.startsWith("/") || key.startsWith("\\")) {
    issues.push({
      code: "LeadingSlash",
      message: "An object key must not start with / or \\.",
      offset: 0,
      length: 1,
    });
  }
  let offset = 0;
  for (const segment of key.split("/")) {
    if (segment === "." || segment === "..") {
      issues.push({
        code: "DotSegment",
        message: `An object key cannot hold a "${segment}" segment: URLs resolve it away.`,
        offset,
        length: segment.length,
      });
    }
    offset += segment.length + 1;
  }
  return issues;
}

/**
 * Whether `key` is an object key OSS accepts and a URL can carry.
 * @example
 * isObjectKey("photos/cat.jpg"); // true
 */
export function isObjectKey(key: string): boolean {
  return objectKeyIssues(key).length === 0;
}
