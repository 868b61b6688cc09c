import type { PortableStyle } from "./style-file.ts";

/**
 * A bucket's styles as Terraform (`alicloud_oss_bucket_style`, provider ≥ 1.245.0): one resource per
 * style plus an `import` block with the provider's id `<bucket>:<style_name>`, so adopting existing
 * styles imports them instead of overwriting (the resource's create is a blind PutStyle;
 * feature-anchors.md §1a).
 */

/** A Terraform identifier from a style name: letters, digits, `_`, `-`; never starting with a digit. */
function resourceName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_-]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `s_${base}`;
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
  taken.add(candidate);
  return candidate;
}

/** An HCL string literal: JSON escaping plus `${` and `%{` escaped as HCL template sequences. */
function hcl(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
}

/**
 * Renders the Terraform file.
 *
 * @example
 * toTerraform("photos", [{ name: "thumb", content: "image/resize,w_200", category: "image" }]);
 * // resource "alicloud_oss_bucket_style" "thumb" { bucket = "photos" … } import { to = … id = "photos:thumb" }
 */
export function toTerraform(bucket: string, styles: readonly PortableStyle[]): string {
  const taken = new Set<string>();
  const blocks = styles.map((style) => {
    const id = resourceName(style.name, taken);
    return [
      `resource "alicloud_oss_bucket_style" ${hcl(id)} {`,
      `  bucket     = ${hcl(bucket)}`,
      `  style_name = ${hcl(style.name)}`,
      `  content    = ${hcl(style.content)}`,
      `  category   = ${hcl(style.category || "image")}`,
      "}",
      "",
      "import {",
      `  to = alicloud_oss_bucket_style.${id}`,
      `  id = ${hcl(`${bucket}:${style.name}`)}`,
      "}",
    ].join("\n");
  });
  const header = [
    `# Styles of OSS bucket ${bucket}, exported by Style Console.`,
    "# Requires the alicloud provider >= 1.245.0 and Terraform >= 1.5 (import blocks).",
    "# The import blocks adopt the existing styles: run `terraform plan` first; nothing is overwritten.",
    "",
  ].join("\n");
  return `${header}\n${blocks.join("\n\n")}\n`;
}
