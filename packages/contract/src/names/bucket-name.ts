import { invalidCharacters, type NameIssue, tooLong } from "./issue.ts";

export const BUCKET_NAME_MIN = 3;
export const BUCKET_NAME_MAX = 63;

const BUCKET_NAME_CHAR = /^[a-z0-9-]$/;

/**
 * OSS's rule for bucket names: 3–63 characters of lower-case letters, digits and `-`, starting and ending
 * with a letter or a digit (OSS "Bucket naming conventions"; oss-api.md §3). Every problem with its
 * position; empty means valid.
 * @example
 * bucketNameIssues("photos"); // []
 * bucketNameIssues("-photos")[0]?.code; // "InvalidEdge"
 */
export function bucketNameIssues(name: string): NameIssue[] {
  if (name.length === 0)
    return [{ code: "Empty", message: "A bucket name is required.", offset: 0, length: 0 }];
  const issues: NameIssue[] = [];
  if (name.length < BUCKET_NAME_MIN) {
    issues.push({
      code: "TooShort",
      min: BUCKET_NAME_MIN,
      actual: name.length,
      message: `A bucket name has at least ${BUCKET_NAME_MIN} characters; this one has ${name.length}.`,
      offset: 0,
      length: name.length,
    });
  }
  if (name.length > BUCKET_NAME_MAX) {
    issues.push(tooLong("A bucket name", "characters", BUCKET_NAME_MAX, name.length));
  }
  issues.push(...invalidCharacters(name, BUCKET_NAME_CHAR, "a bucket name", 'use a–z, 0–9 and "-"'));
  for (const offset of new Set([0, name.length - 1])) {
    if (name[offset] === "-") {
      issues.push({
        code: "InvalidEdge",
        message: "A bucket name starts and ends with a letter or a digit.",
        offset,
        length: 1,
      });
    }
  }
  return issues;
}

/**
 * Whether `name` is a valid OSS bucket name.
 * @example
 * isBucketName("photos"); // true
 */
export function isBucketName(name: string): boolean {
  return bucketNameIssues(name).length === 0;
}
