import type { ManagedBucket } from "../buckets/bucket-styles.ts";
import { upstreamError } from "../buckets/upstream-error.ts";
import { HttpError } from "../http/error.ts";

/**
 * The URLs that serve an object through a style (issue 12): `?x-oss-process=style/<name>`, each custom
 * delimiter form the bucket has switched on (`<key>!<name>`, read from its image-processing settings,
 * oss-logging-buckets.md §7), and a presigned V4 URL with an expiry for private buckets.
 */

export interface StyleUrl {
  kind: "process" | "delimiter" | "presigned";
  /** The delimiter of a `delimiter` URL. */
  delimiter?: string;
  url: string;
  /** ISO time a presigned URL stops working. */
  expiresAt?: string;
}

export interface StyleUrlsDto {
  bucket: string;
  key: string;
  style: string;
  urls: StyleUrl[];
  /** Why delimiter forms are missing, when the settings could not be read. */
  note?: string;
}

/**
 * Builds the URLs for `key` through `style` in `bucket`.
 *
 * @example
 * await styleUrls(bucket, "photos/a.jpg", "thumbnail", 3600, new Date());
 */
export async function styleUrls(
  bucket: ManagedBucket,
  key: string,
  style: string,
  expiresSeconds: number,
  now: Date,
): Promise<StyleUrlsDto> {
  const client = bucket.client;
  if (!client) throw new HttpError("NotAvailable", "Style URLs need the bucket's OSS client.");
  const secrets: string[] = [];
  let presigned: string;
  try {
    presigned = await client.presignGetObject(key, {
      bucket: bucket.name,
      process: `style/${style}`,
      expiresSeconds,
    });
  } catch (error) {
    throw upstreamError(error, bucket.name, secrets);
  }
  const objectUrl = presigned.slice(0, presigned.indexOf("?"));
  const urls: StyleUrl[] = [
    { kind: "process", url: `${objectUrl}?x-oss-process=${encodeURIComponent(`style/${style}`)}` },
  ];
  let note: string | undefined;
  try {
    const config = await client.getProcessConfiguration({ bucket: bucket.name });
    if (config.compliedHost === undefined || config.compliedHost.toLowerCase() === "both") {
      for (const d of config.styleDelimiters) {
        // "/" as a delimiter is written as-is; the others are percent-encoding-safe already.
        urls.push({ kind: "delimiter", delimiter: d, url: `${objectUrl}${d}${encodeURIComponent(style)}` });
      }
    } else if (config.styleDelimiters.length > 0) {
      note = "The bucket's delimiters apply to its legacy IMG domain only (CompliedHost Img).";
    }
  } catch {
    note = "The bucket's image-processing settings could not be read: delimiter URLs are not shown.";
  }
  urls.push({
    kind: "presigned",
    url: presigned,
    expiresAt: new Date(now.getTime() + expiresSeconds * 1000).toISOString(),
  });
  return { bucket: bucket.name, key, style, urls, ...(note ? { note } : {}) };
}
