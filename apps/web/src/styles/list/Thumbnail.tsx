import { useState } from "react";
import { thumbnailUrl } from "./api.ts";

/** The thumbnail's box in CSS pixels; the BFF renders 128 px, sharp on 2× screens. */
export const THUMB_SIZE = 56;

/**
 * A style applied to the console's sample image: lazy-loaded (off-screen rows cost nothing), with a
 * fixed width and height so the table never jumps as images arrive, and a placeholder when there is no
 * image (a document or video style, one that answers data, or an error). Decorative: the row's name
 * says which style it is, so `alt` is empty.
 */
export function Thumbnail({
  bucket,
  content,
  category,
}: {
  bucket: string;
  content: string;
  category?: string | null;
}) {
  const [failed, setFailed] = useState(false);
  if (failed || category === "document" || category === "video") {
    return <span className="thumb thumb-placeholder" aria-hidden="true" data-testid="thumb-placeholder" />;
  }
  return (
    <img
      className="thumb"
      src={thumbnailUrl(bucket, content)}
      alt=""
      width={THUMB_SIZE}
      height={THUMB_SIZE}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
