import { readBody } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import { checkContentMd5 } from "../http/digest.ts";
import { ossError } from "../http/errors.ts";
import { sendEmpty, sendXml } from "../http/respond.ts";
import { parseXml } from "../http/xml.ts";
import { type ProcessConfiguration, type StyleDelimiter, styleDelimiters } from "../storage/bucket-meta.ts";
import type { Bucket } from "../storage/buckets.ts";

/**
 * The bucket's image-processing configuration, `PUT/GET /?processConfiguration` (oss-logging-buckets.md
 * §7.1, from the Java v1 SDK and its integration test; no current help page documents the XML).
 */

function invalidArgument(name: string, value: string, expected: string): Error {
  return ossError("InvalidArgument", {
    message: `${name} must be ${expected}, got "${value.slice(0, 64)}".`,
    fields: { ArgumentName: name, ArgumentValue: value.slice(0, 64) },
  });
}

function textOf(node: Record<string, unknown>, name: string): string | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw ossError("MalformedXML", { message: `<${name}> must hold text.` });
  return value.trim();
}

function enabled(name: string, value: string): "Enabled" | "Disabled" {
  const v = value.toLowerCase();
  if (v === "enabled") return "Enabled";
  if (v === "disabled") return "Disabled";
  throw invalidArgument(name, value, "Enabled or Disabled");
}

/**
 * Reads a `StyleDelimiters` value: a comma list of `-`, `_`, `/`, `!`, returned in the server's order
 * (J1-PROCTEST reads `/,-` back as `-,/`).
 *
 * @example
 * parseDelimiters("/,-"); // ["-", "/"]
 */
export function parseDelimiters(value: string): StyleDelimiter[] {
  const parts = value === "" ? [] : value.split(",").map((p) => p.trim());
  for (const p of parts) {
    if (!styleDelimiters.includes(p as StyleDelimiter)) {
      throw invalidArgument("StyleDelimiters", value, "a comma-separated list of -, _, / and !");
    }
  }
  return styleDelimiters.filter((d) => parts.includes(d));
}

/**
 * Parses a PutProcessConfiguration body over the current configuration (an absent element keeps its
 * value). `CompliedHost` is `Img` or `Both` (case-insensitive, as the legacy page writes `img`/`both`).
 *
 * @example
 * parseProcessConfiguration("<BucketProcessConfiguration><StyleDelimiters>!</StyleDelimiters></BucketProcessConfiguration>", current);
 */
export function parseProcessConfiguration(
  text: string,
  current: ProcessConfiguration,
): Omit<ProcessConfiguration, "lastModified"> {
  const doc = parseXml(text);
  const root = doc?.BucketProcessConfiguration;
  if (root === undefined || (typeof root !== "object" && root !== "")) {
    throw ossError("MalformedXML", { message: "The body must be one <BucketProcessConfiguration> element." });
  }
  const node = (typeof root === "object" && root !== null ? root : {}) as Record<string, unknown>;
  const host = textOf(node, "CompliedHost");
  let compliedHost = current.compliedHost;
  if (host !== undefined) {
    if (host.toLowerCase() === "img") compliedHost = "Img";
    else if (host.toLowerCase() === "both") compliedHost = "Both";
    else throw invalidArgument("CompliedHost", host, "Img or Both");
  }
  const protectText = textOf(node, "SourceFileProtect");
  const sourceFileProtect =
    protectText === undefined ? current.sourceFileProtect : enabled("SourceFileProtect", protectText);
  const suffixText = textOf(node, "SourceFileProtectSuffix");
  const suffix = suffixText ?? current.sourceFileProtectSuffix;
  if (!/^(\*|[A-Za-z0-9]+(,[A-Za-z0-9]+)*)?$/.test(suffix)) {
    throw invalidArgument("SourceFileProtectSuffix", suffix, "* or a comma-separated list of extensions");
  }
  const delimitersText = textOf(node, "StyleDelimiters");
  const atProcess = textOf(node, "OssDomainSupportAtProcess");
  return {
    compliedHost,
    sourceFileProtect,
    // The server clears the suffixes while protection is off (J1-PROCTEST).
    sourceFileProtectSuffix: sourceFileProtect === "Enabled" ? suffix : "",
    styleDelimiters: delimitersText === undefined ? current.styleDelimiters : parseDelimiters(delimitersText),
    ossDomainSupportAtProcess:
      atProcess === undefined
        ? current.ossDomainSupportAtProcess
        : enabled("OssDomainSupportAtProcess", atProcess),
  };
}

/**
 * Dispatches `?processConfiguration`: PUT stores (200, empty), GET answers the configuration.
 *
 * @example
 * await handleProcessConfiguration(ctx, bucket, 65536);
 */
export async function handleProcessConfiguration(
  ctx: RequestContext,
  bucket: Bucket,
  maxXmlBytes: number,
): Promise<void> {
  if (ctx.method === "PUT") {
    const body = await readBody(ctx.req, maxXmlBytes);
    checkContentMd5(ctx.req, body);
    const next = parseProcessConfiguration(body.toString("utf8"), bucket.meta.get().process);
    await bucket.meta.setProcess(next, ctx.now);
    sendEmpty(ctx, 200);
    return;
  }
  if (ctx.method !== "GET") {
    throw ossError("MethodNotAllowed", { fields: { Method: ctx.method, ResourceType: "Bucket" } });
  }
  const p = bucket.meta.get().process;
  sendXml(ctx, 200, "BucketProcessConfiguration", {
    Version: "2",
    CompliedHost: p.compliedHost,
    SourceFileProtect: p.sourceFileProtect,
    SourceFileProtectSuffix: p.sourceFileProtectSuffix,
    StyleDelimiters: p.styleDelimiters.join(","),
    OssDomainSupportAtProcess: p.ossDomainSupportAtProcess,
    LastModified: new Date(p.lastModified).toISOString(),
  });
}
