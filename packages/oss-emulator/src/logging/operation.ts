/**
 * The `Operation` field of an access-log line. Log names are not API names (reference §2.6): `GetBucket`
 * for ListObjects, `PutBucketLog`/`GetBucketLog` for the logging calls, lower-case `put_style`,
 * `get_style`, `list_style` for styles. The list has no entry for DeleteStyle or DeleteBucketLogging; we
 * write `delete_style` and `DeleteBucketLog`, following their families.
 */

/**
 * The log's operation name for a request, from its method, key and query.
 *
 * @example
 * logOperation("GET", "", [["style", ""]]); // "list_style"
 * logOperation("GET", "cat.jpg", [["x-oss-process", "style/small"]]); // "GetObject"
 */
export function logOperation(
  method: string,
  key: string,
  query: ReadonlyArray<readonly [string, string]>,
): string {
  const has = (name: string) => query.some(([n]) => n === name);
  if (key === "") {
    if (has("style")) {
      if (method === "PUT") return "put_style";
      if (method === "DELETE") return "delete_style";
      return has("styleName") ? "get_style" : "list_style";
    }
    if (has("logging")) return { PUT: "PutBucketLog", DELETE: "DeleteBucketLog" }[method] ?? "GetBucketLog";
    if (method === "GET") return "GetBucket";
    return `${method[0]}${method.slice(1).toLowerCase()}Bucket`;
  }
  switch (method) {
    case "GET":
      return "GetObject";
    case "HEAD":
      return "HeadObject";
    case "PUT":
      return "PutObject";
    case "DELETE":
      return "DeleteObject";
    case "POST":
      return "PostObject";
    default:
      return method;
  }
}
