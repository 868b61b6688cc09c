import { pathSegment } from "@style-console/contract/names";
import { api } from "../../api/client.ts";
import { readError, send } from "../../api/error.ts";

const styleRoute = api.buckets[":bucket"].styles[":name"];

/**
 * Deletes one style only if OSS still holds the version the person saw (`expectedLastModifyTime`, ISO):
 * 409 `StyleChanged` otherwise, 404 `NoSuchStyle` when it is gone. Audited (and restorable from
 * "Recently deleted") by the server.
 */
export async function deleteStyleVersion(
  bucket: string,
  name: string,
  lastModifyTime: string,
): Promise<void> {
  const res = await send(() =>
    styleRoute.$delete({
      param: { bucket: pathSegment(bucket), name: pathSegment(name) },
      query: { expectedLastModifyTime: lastModifyTime },
    }),
  );
  if (!res.ok) throw await readError(res);
}
