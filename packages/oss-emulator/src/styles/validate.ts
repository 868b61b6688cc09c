import { forbiddenContentCharacters, styleNameIssues } from "@style-console/contract/names";
import { ossError } from "../http/errors.ts";
import { parseXmlBody } from "../http/xml.ts";

/** The PutStyle input rules of OSS (reference §2.2), checked before anything is stored. */

const categories = new Set(["image", "document", "video"]);

/**
 * Checks a style name by the contract's rule (`styleNameIssues`: 1–63 of `A–Z a–z 0–9 _ . -`), answering
 * as OSS does: InvalidStyleNameLength (EC 0017-00000250) before InvalidStyleNameChars (0017-00000251).
 *
 * @example
 * validateStyleName("thumb_200"); // ok
 * validateStyleName("a b"); // throws InvalidArgument, EC 0017-00000251
 */
export function validateStyleName(name: string | undefined): string {
  if (name === undefined) {
    throw ossError("InvalidArgument", {
      message: "The parameter styleName is required.",
      fields: { ArgumentName: "styleName" },
    });
  }
  const message = `The value: ${name} of parameter: stylename is invalid.`;
  const codes = new Set(styleNameIssues(name).map((issue) => issue.code));
  if (codes.has("Empty") || codes.has("TooLong")) throw ossError("InvalidStyleNameLength", { message });
  if (codes.size > 0) throw ossError("InvalidStyleNameChars", { message });
  return name;
}

/**
 * Checks the optional `category` parameter (`image`, `document` or `video`).
 *
 * @example
 * validateCategory("image"); // "image"
 */
export function validateCategory(category: string | undefined): string | undefined {
  if (category === undefined || categories.has(category)) return category;
  throw ossError("InvalidStyleCategory", {
    message: `The value: ${category} of parameter: category is invalid; expected image, document or video.`,
    fields: { ArgumentName: "category", ArgumentValue: category },
  });
}

/**
 * Extracts and checks the content of a `<Style><Content>…</Content></Style>` body. Like OSS, it does not
 * parse the processing operations: bad operations only fail when the style is used.
 *
 * @example
 * parseStyleBody(Buffer.from("<Style><Content>image/resize,w_100</Content></Style>")); // "image/resize,w_100"
 */
export function parseStyleBody(xml: Uint8Array): string {
  const doc = parseXmlBody(xml);
  const style = doc?.Style;
  if (doc === undefined || Object.keys(doc).length !== 1 || typeof style !== "object" || style === null) {
    throw ossError("MalformedXML");
  }
  const content = (style as Record<string, unknown>).Content;
  if (content === undefined) throw ossError("MalformedXML", { message: "The Style element has no Content." });
  if (typeof content !== "string")
    throw ossError("MalformedXML", { message: "Content must be text, given once." });
  if (content.trim() === "" || forbiddenContentCharacters(content).length > 0)
    throw ossError("InvalidStyleContent");
  return content;
}
