import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A running {@link startQuotingProxy}. */
export interface QuotingProxy {
  /** `http://127.0.0.1:<port>`, to use as an OSS endpoint. */
  endpoint: string;
  /** The RequestId every answer carries. */
  requestId: string;
  /** The Authorization headers received, to look for their parts in what the console shows. */
  authorizations: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP server standing where OSS should be that refuses every request with a 403 `<Error>`
 * document whose `<Message>` quotes the request: its Authorization header (the V4 `Credential=` scope and
 * `Signature=`) and a link carrying them as a presigned query string. Some proxies and gateways answer
 * this way; the console must pass on the code, the useful words and the RequestId, and none of the rest.
 * @example
 * const proxy = await startQuotingProxy();
 * const client = createOssClient({ region: "cn-hangzhou", endpoint: proxy.endpoint, credentials, retry: false });
 */
export async function startQuotingProxy(): Promise<QuotingProxy> {
  const requestId = "5F1E2D3C4B5A69788796A5B4";
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    const authorization = req.headers.authorization ?? "";
    authorizations.push(authorization);
    const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? "";
    const credential = /Credential=([^,\s]+)/.exec(authorization)?.[1] ?? "";
    const link = `https://gateway.example.com${req.url}&x-oss-credential=${encodeURIComponent(credential)}&x-oss-signature=${signature}`;
    const message = `Access denied by gateway policy for ${req.method} ${link} (Authorization: ${authorization})`;
    const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>${xmlText(message)}</Message><RequestId>${requestId}</RequestId><HostId>gateway.example.com</HostId></Error>`;
    req.resume();
    res.writeHead(403, { "Content-Type": "application/xml", "x-oss-request-id": requestId });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestId,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The parts of the received Authorization headers that must never be shown: the signatures, and the
 * credential scopes (`<AccessKeyId>/<date>/<region>/oss/aliyun_v4_request`).
 * @example
 * for (const secret of signedParts(proxy)) expect(text).not.toContain(secret);
 */
export function signedParts(proxy: QuotingProxy): string[] {
  return proxy.authorizations.flatMap((a) => [
    ...(/Signature=([0-9a-f]+)/.exec(a)?.slice(1) ?? []),
    ...(/Credential=([^,\s]+)/.exec(a)?.slice(1) ?? []),
  ]);
}
