/**
 * OSS's API names for the client's operations, so that request accounting (through the client's
 * `hooks`, which report `operation`) can count by the names OSS prices and documents.
 */

/**
 * OSS's API names (as its price list and API reference spell them) for the client's operations.
 * Operations not listed keep their own name.
 */
export const OSS_API_NAMES: Readonly<Record<string, string>> = {
  putStyle: "PutStyle",
  getStyle: "GetStyle",
  listStyles: "ListStyle",
  deleteStyle: "DeleteStyle",
  listObjects: "ListObjectsV2",
  getObject: "GetObject",
  headObject: "HeadObject",
  putObject: "PutObject",
  deleteObject: "DeleteObject",
  putBucketLogging: "PutBucketLogging",
  getBucketLogging: "GetBucketLogging",
  deleteBucketLogging: "DeleteBucketLogging",
};

/**
 * OSS's API name of a client operation.
 *
 * @example
 * apiNameOf("listStyles"); // "ListStyle"
 */
export function apiNameOf(operation: string): string {
  return OSS_API_NAMES[operation] ?? operation;
}
