/** RAM action each client call needs; used to turn a bare AccessDenied into an actionable hint. */
const RAM_ACTION: Readonly<Record<string, string>> = {
  putStyle: "oss:PutStyle",
  getStyle: "oss:GetStyle",
  listStyles: "oss:ListStyle",
  deleteStyle: "oss:DeleteStyle",
  listObjects: "oss:ListObjects",
  getObject: "oss:GetObject",
  headObject: "oss:GetObject",
  putObject: "oss:PutObject",
  deleteObject: "oss:DeleteObject",
};

const HINTS: Readonly<Record<string, string>> = {
  SignatureDoesNotMatch:
    "check the AccessKey secret, and that the region is the bucket's region id (e.g. cn-hangzhou, without oss-)",
  InvalidAccessKeyId: "check the AccessKey ID: OSS does not know it, or it is disabled",
  NoSuchBucket: "check the bucket name, and that the endpoint and region are the bucket's",
  NoSuchStyle: "no style has this name in this bucket; list the styles to see which exist",
  NoSuchKey: "no object has this key in this bucket",
  RequestTimeTooSkewed: "this machine's clock is over 15 minutes off OSS's; synchronise it (NTP)",
  InvalidArgument: "check the argument OSS names in the message (details.ArgumentName holds its name)",
  SecurityTokenExpired: "the STS token has expired; refresh the temporary credentials",
  InvalidSecurityToken: "the STS token is invalid; request new temporary credentials",
  PermanentRedirect:
    "the bucket must be reached through another endpoint (see details.Endpoint); check the region",
  UserDisable: "the Alibaba Cloud account is disabled (overdue payment?)",
  MalformedResponse: "the endpoint did not answer like OSS; check the endpoint URL and any proxy in between",
  NetworkError: "could not reach the endpoint; check the endpoint URL and the network",
  RequestTimeout: "no answer within the timeout; raise timeoutMs or check the network",
};

/**
 * A hint a person can act on, for codes we know; undefined otherwise.
 *
 * @example
 * hintFor("AccessDenied", "putStyle", 403); // "grant `oss:PutStyle` on this bucket to this AccessKey's RAM user or role"
 */
export function hintFor(code: string, operation: string, status?: number, message = ""): string | undefined {
  // The legacy IMG API (and the emulator) report the per-bucket style limit as AccessDenied.
  if (code === "AccessDenied" && /style count/i.test(message)) {
    return "the bucket has reached its style limit (50 by default): delete unused styles, or ask Alibaba Cloud support for more";
  }
  if (code === "AccessDenied") {
    const action = RAM_ACTION[operation];
    return action
      ? `grant \`${action}\` on this bucket to this AccessKey's RAM user or role`
      : "this AccessKey's RAM user or role lacks a permission for this call";
  }
  if (code === "BadRequest" && operation === "putStyle") {
    return "the style content is invalid: it must not be empty nor contain ; ( ) ' * ?";
  }
  return (
    HINTS[code] ??
    (status !== undefined && status >= 500 ? "OSS had a server-side problem; try again later" : undefined)
  );
}
