/**
 * The naming rules of OSS, written once for the SPA, the BFF, the emulator, the OSS client and imgproc.
 * Pure and browser-safe.
 */
export { BUCKET_NAME_MAX, BUCKET_NAME_MIN, bucketNameIssues, isBucketName } from "./bucket-name.ts";
export type { InvalidCharacterIssue, NameIssue, PositionedIssue } from "./issue.ts";
export { isObjectKey, OBJECT_KEY_MAX_BYTES, objectKeyIssues } from "./object-key.ts";
export { fromPathSegment, pathSegment } from "./path-segment.ts";
export { parseRegion, REGION_EXPECTED } from "./region.ts";
export { forbiddenContentCharacters, STYLE_CONTENT_EC, STYLE_CONTENT_MAX } from "./style-content.ts";
export { isStyleName, STYLE_NAME_MAX, styleNameIssues } from "./style-name.ts";
export {
  isUsername,
  normalizeUsername,
  USERNAME_EXPECTED,
  USERNAME_MAX,
  USERNAME_MIN,
  usernameFrom,
} from "./username.ts";
