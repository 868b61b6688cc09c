import type { PortableStyle } from "./style-file.ts";

/**
 * A bucket's styles as ossutil 2.0 commands: `ossutil api put-style --bucket B --style-name N --style
 * '{"Content":"…"}'` (feature-anchors.md §2a; the put-style page lists no category flag, so the category
 * is a comment). POSIX shell quoting.
 */

/** Single-quotes `text` for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/**
 * Renders a shell script of put-style commands.
 *
 * @example
 * toOssutil("photos", [{ name: "thumb", content: "image/resize,w_200", category: "image" }]);
 * // "ossutil api put-style --bucket photos --style-name thumb --style '{\"Content\":\"image/resize,w_200\"}'"
 */
export function toOssutil(bucket: string, styles: readonly PortableStyle[]): string {
  const lines = [
    "#!/bin/sh",
    `# Styles of OSS bucket ${bucket}, exported by Style Console, as ossutil 2.0 commands.`,
    "# put-style is an upsert: a style of the same name in the target bucket is overwritten.",
    "set -e",
    "",
  ];
  for (const style of styles) {
    if (style.category && style.category !== "image") lines.push(`# category: ${style.category}`);
    lines.push(
      `ossutil api put-style --bucket ${shellQuote(bucket)} --style-name ${shellQuote(style.name)} --style ${shellQuote(JSON.stringify({ Content: style.content }))}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
