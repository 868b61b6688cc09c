import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOssClient } from "./index.ts";
import type { Runtime } from "./runtime.ts";

// A real loopback HTTP server answering from a script, for the failure shapes the emulator does not
// produce (HTML pages, cut-off bodies, Retry-After, a never-answering server). Each test queues the
// answers it needs.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const queue: Handler[] = [];
const seen: IncomingMessage[] = [];
let endpoint = "";
const server = createServer((req, res) => {
  seen.push(req);
  const next = queue.shift();
  if (next) next(req, res);
  else res.writeHead(599).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const xml =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res
      .writeHead(status, { "content-type": "application/xml", "x-oss-request-id": "RID", ...headers })
      .end(body);
  };
const ossError = (status: number, code: string, headers: Record<string, string> = {}) =>
  xml(status, `<Error><Code>${code}</Code><Message>m</Message><RequestId>RID</RequestId></Error>`, headers);
const OK_LIST = xml(
  200,
  "<StyleList><Style><Name>a</Name><Content>image/resize,w_1</Content></Style></StyleList>",
);

function client(extra: Partial<Parameters<typeof createOssClient>[0]> = {}) {
  const sleeps: number[] = [];
  const runtime: Partial<Runtime> = {
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
  };
  const retries: string[] = [];
  const oss = createOssClient({
    region: "cn-hangzhou",
    endpoint,
    bucket: "bkt",
    credentials: { accessKeyId: "ak", accessKeySecret: "the-secret-value" },
    runtime,
    onRetry: ({ error }) => retries.push(error.code),
    ...extra,
  });
  return { oss, sleeps, retries };
}

describe("retries", () => {
  it("retries 503 with full-jitter delays and succeeds on the third attempt", async () => {
    queue.push(ossError(503, "ServiceUnavailable"), ossError(500, "InternalError"), OK_LIST);
    const { oss, sleeps, retries } = client();
    expect(await oss.listStyles()).toHaveLength(1);
    expect(retries).toEqual(["ServiceUnavailable", "InternalError"]);
    expect(sleeps).toEqual([200, 400]); // random 0.5 of 400 and 800
  });

  it("gives up after 3 attempts with the last error and the attempt count", async () => {
    queue.push(ossError(503, "A"), ossError(503, "B"), ossError(503, "C"));
    await expect(client().oss.listStyles()).rejects.toMatchObject({ code: "C", attempts: 3, status: 503 });
  });

  it("honours Retry-After", async () => {
    queue.push(ossError(429, "TooManyRequests", { "retry-after": "3" }), OK_LIST);
    const { oss, sleeps } = client();
    await oss.listStyles();
    expect(sleeps).toEqual([3000]);
  });

  it("never retries BadRequest on PutStyle", async () => {
    queue.push(ossError(400, "BadRequest"));
    const { oss, retries } = client();
    await expect(oss.putStyle("s", "x")).rejects.toMatchObject({
      code: "BadRequest",
      attempts: 1,
      hint: expect.stringMatching(/content is invalid/),
    });
    expect(retries).toEqual([]);
  });

  it("corrects the clock from the Date header of RequestTimeTooSkewed and re-signs", async () => {
    const serverTime = new Date(Date.now() + 3_600_000);
    queue.push(ossError(403, "RequestTimeTooSkewed", { date: serverTime.toUTCString() }), OK_LIST);
    const { oss } = client();
    seen.length = 0;
    await oss.listStyles();
    expect(Math.abs(oss.clockOffsetMs - 3_600_000)).toBeLessThan(5_000);
    const [first, second] = seen.map((r) => String(r.headers["x-oss-date"]));
    expect(second).not.toBe(first);
    expect(second?.slice(0, 11)).toBe(serverTime.toISOString().replace(/[-:]/g, "").slice(0, 11));
  });
});

describe("bad answers are typed errors", () => {
  it("an HTML page with status 200", async () => {
    queue.push((_q, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end("<!DOCTYPE html><html><body>captive portal</body></html>"),
    );
    await expect(client().oss.listStyles()).rejects.toMatchObject({
      kind: "bad-response",
      code: "MalformedResponse",
      message: expect.stringMatching(/HTML/),
    });
  });

  it("a body cut off mid-way is a network error, retried", async () => {
    const cut: Handler = (_q, res) => {
      res.writeHead(200, { "content-type": "application/xml", "content-length": "500" });
      res.write("<StyleList><Style><Na");
      setTimeout(() => res.destroy(), 10);
    };
    queue.push(cut, cut, cut);
    await expect(client().oss.listStyles()).rejects.toMatchObject({ kind: "network", attempts: 3 });
  });

  it("an unexpected document", async () => {
    queue.push(xml(200, "<ListAllMyBucketsResult/>"));
    await expect(client().oss.getStyle("a")).rejects.toMatchObject({
      kind: "bad-response",
      message: expect.stringMatching(/expected a <Style> document/),
    });
  });

  it("a connection refused names the endpoint's host:port, never the signed query", async () => {
    // A port that was just free: listen on one, then close it, so nothing answers there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const { oss } = client({ endpoint: `http://${host}`, retry: false });
    const error = await oss.listStyles().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "network", code: "NetworkError", host });
    const text = `${String(error)} ${JSON.stringify(error)}`;
    expect(text).toContain(`network error (${host}): ECONNREFUSED`);
    expect(text).not.toMatch(/\?|Signature|x-oss-|bkt\//i);
  });
});

describe("timeouts and cancellation", () => {
  it("times out a silent server", async () => {
    queue.push(() => {});
    await expect(client({ timeoutMs: 50, retry: false }).oss.listStyles()).rejects.toMatchObject({
      kind: "timeout",
    });
  });

  it("aborts on the caller's signal, without retrying", async () => {
    queue.push(() => {});
    const { oss, retries } = client();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 30);
    await expect(oss.listStyles({ signal: controller.signal })).rejects.toMatchObject({
      kind: "aborted",
      message: "aborted: user left",
    });
    expect(retries).toEqual([]);
  });
});

describe("requests on the wire", () => {
  it("sends no secret and signs every request", async () => {
    queue.push(OK_LIST);
    seen.length = 0;
    await client({
      credentials: { accessKeyId: "ak", accessKeySecret: "the-secret-value", securityToken: "tok" },
    }).oss.listStyles();
    const req = seen[0];
    expect(req?.url).toBe("/bkt/?style");
    expect(req?.headers.authorization).toMatch(
      /^OSS4-HMAC-SHA256 Credential=ak\/\d{8}\/cn-hangzhou\/oss\/aliyun_v4_request,Signature=[0-9a-f]{64}$/,
    );
    expect(req?.headers["x-oss-security-token"]).toBe("tok");
    expect(req?.headers.date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Date.parse(String(req?.headers.date))).toBe(
      Date.parse(
        String(req?.headers["x-oss-date"]).replace(
          /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
          "$1-$2-$3T$4:$5:$6Z",
        ),
      ),
    );
    expect(JSON.stringify(req?.headers)).not.toContain("the-secret-value");
  });

  it("sends the PutStyle body as escaped XML with its Content-MD5 and Content-Type", async () => {
    let body = "";
    queue.push((req, res) => {
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => res.writeHead(200, { "x-oss-request-id": "RID" }).end());
    });
    seen.length = 0;
    const put = await client().oss.putStyle("s.1", `a<&"中`, { category: "image" });
    const req = seen[0];
    expect(put.requestId).toBe("RID");
    expect(req?.url).toBe("/bkt/?category=image&style&styleName=s.1");
    expect(body).toBe("<Style><Content>a&lt;&amp;&quot;中</Content></Style>");
    expect(req?.headers["content-type"]).toBe("application/xml");
    expect(req?.headers["content-md5"]).toBe(createHash("md5").update(body).digest("base64"));
  });

  it("streams a GetObject body with x-oss-process in the query", async () => {
    queue.push((_q, res) =>
      res.writeHead(200, { "content-type": "image/png", "content-length": "3" }).end("abc"),
    );
    seen.length = 0;
    const got = await client().oss.getObject("photos/a b.png", { process: "image/resize,w_10" });
    expect(await new Response(got.body).text()).toBe("abc");
    expect(got).toMatchObject({ contentType: "image/png", contentLength: 3 });
    expect(seen[0]?.url).toBe("/bkt/photos/a%20b.png?x-oss-process=image%2Fresize%2Cw_10");
  });
});

describe("per-call options", () => {
  it("a call's own timeoutMs overrides the client's", async () => {
    queue.push(() => {});
    const { oss } = client({ timeoutMs: 60_000, retry: false });
    await expect(oss.listStyles({ timeoutMs: 40 })).rejects.toMatchObject({
      kind: "timeout",
      message: expect.stringContaining("40 ms"),
    });
  });

  it("refuses a bad per-call timeout before sending", async () => {
    await expect(client().oss.listStyles({ timeoutMs: -1 })).rejects.toMatchObject({
      kind: "invalid-argument",
      message: expect.stringContaining("timeoutMs"),
    });
  });
});

describe("hooks around every attempt", () => {
  it("awaits beforeRequest and reports afterResponse per attempt, with operation, bucket and status", async () => {
    const before: string[] = [];
    const after: string[] = [];
    const { oss } = client({
      hooks: {
        beforeRequest: async (info) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          before.push(`${info.operation} ${info.method} ${info.bucket} #${info.attempt}`);
        },
        afterResponse: (info) =>
          after.push(`${info.operation} ${info.status} ${info.errorCode ?? "-"} #${info.attempt}`),
      },
    });
    queue.push(ossError(503, "ServiceUnavailable"), OK_LIST);
    await oss.listStyles();
    expect(before).toEqual(["listStyles GET bkt #1", "listStyles GET bkt #2"]);
    expect(after).toEqual(["listStyles 503 ServiceUnavailable #1", "listStyles 200 - #2"]);
  });

  it("sends nothing when beforeRequest refuses, and a throwing afterResponse does not fail the call", async () => {
    const refusing = client({
      hooks: {
        beforeRequest: () => {
          throw new Error("over the shared limit");
        },
      },
    });
    const sent = seen.length;
    await expect(refusing.oss.listStyles()).rejects.toMatchObject({ code: "Aborted" });
    expect(seen.length).toBe(sent);
    const { oss } = client({
      hooks: {
        afterResponse: () => {
          throw new Error("counter down");
        },
      },
    });
    queue.push(OK_LIST);
    expect(await oss.listStyles()).toHaveLength(1);
  });
});
