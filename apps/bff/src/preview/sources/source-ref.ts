import { HttpError } from "../../http/error.ts";

/** A preview's `source`: `sample:<id>` (built-in or upload) or `object:<bucket>/<key>`. */
export type SourceRef = { kind: "sample"; id: string } | { kind: "object"; bucket: string; key: string };

/**
 * Reads the `source` parameter, refusing anything else with a message that shows the two forms.
 * @example
 * parseSourceRef("object:demo-photos/photos/street.jpg"); // { kind: "object", bucket: "demo-photos", key: "photos/street.jpg" }
 */
export function parseSourceRef(text: string): SourceRef {
  const bad = (why: string) =>
    new HttpError("InvalidSource", `${why}: use source=sample:<id> or source=object:<bucket>/<key>.`);
  if (text.startsWith("sample:")) {
    const id = text.slice("sample:".length);
    if (!/^[a-z0-9_-]{1,64}$/.test(id)) throw bad(`"${id.slice(0, 80)}" is not a sample id`);
    return { kind: "sample", id };
  }
  if (text.startsWith("object:")) {
    const rest = text.slice("object:".length);
    const slash = rest.indexOf("/");
    if (slash <= 0 || slash === rest.length - 1) throw bad("An object source needs a bucket and a key");
    return { kind: "object", bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
  }
  throw bad("Unknown source");
}
