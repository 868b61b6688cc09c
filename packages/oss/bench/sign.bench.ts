/**
 * Signing throughput: this package's signRequest against ali-oss's signUtils.authorizationV4 on the
 * same requests (the four style calls, an object GET with x-oss-process, a ListObjectsV2 page).
 * "warm" is how the client runs: the day's signing key is memoised. "cold" alternates two secrets so
 * the key is derived on every signature, as ali-oss always does; that is the like-for-like figure.
 * Run: pnpm --filter @style-console/oss bench
 */
import { createRequire } from "node:module";
import { Bench } from "tinybench";
import { type HeaderMap, type QueryParams, signRequest } from "../src/signer/index.ts";

type AliSign = {
  authorizationV4(
    ak: string,
    sk: string,
    region: string,
    method: string,
    request: { headers: Record<string, string>; queries: Record<string, string | null> },
    bucket?: string,
    key?: string,
  ): string;
};
const aliSign: AliSign = createRequire(import.meta.url)("ali-oss/lib/common/signUtils.js");

interface Case {
  readonly method: string;
  readonly key?: string;
  readonly query: QueryParams;
  readonly headers: HeaderMap;
}
const xml = { "content-type": "application/xml", "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==" };
const cases: Case[] = [
  { method: "GET", query: [["style", ""]], headers: xml },
  {
    method: "GET",
    query: [
      ["style", ""],
      ["styleName", "thumb_200"],
    ],
    headers: xml,
  },
  {
    method: "PUT",
    query: [
      ["category", "image"],
      ["style", ""],
      ["styleName", "thumb_200"],
    ],
    headers: { ...xml, "content-md5": "kZ1s2b8nX9xQ3yFh2uJqVw==" },
  },
  {
    method: "DELETE",
    query: [
      ["style", ""],
      ["styleName", "thumb_200"],
    ],
    headers: xml,
  },
  { method: "GET", key: "photos/2026/cat 1.jpg", query: [["x-oss-process", "style/thumb_200"]], headers: {} },
  {
    method: "GET",
    query: [
      ["list-type", "2"],
      ["max-keys", "100"],
      ["prefix", "photos/"],
    ],
    headers: {},
  },
];
const credentials = {
  accessKeyId: "bench-access-key-id",
  accessKeySecret: "benchSecretbenchSecretbenchSecre",
};
const date = new Date(Date.UTC(2026, 10, 21, 19, 30, 5));
const bucket = "examplebucket";

const otherCredentials = { ...credentials, accessKeySecret: "otherSecretotherSecretotherSecre" };

function ours(c: Case, creds = credentials): string {
  const { headers } = signRequest(
    { method: c.method, bucket, key: c.key, query: c.query, headers: c.headers },
    { credentials: creds, region: "cn-hangzhou", date },
  );
  return headers.Authorization ?? "";
}

// ali-oss reads the time from x-oss-date and wants valueless parameters as null (reference §5).
const aliInputs = cases.map((c) => ({
  c,
  headers: { ...c.headers, "x-oss-date": "20261121T193005Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD" },
  queries: Object.fromEntries(c.query.map(([n, v]) => [n, v === "" ? null : v])),
}));
function theirs(i: (typeof aliInputs)[number]): string {
  return aliSign.authorizationV4(
    credentials.accessKeyId,
    credentials.accessKeySecret,
    "cn-hangzhou",
    i.c.method,
    { headers: i.headers, queries: i.queries },
    bucket,
    i.c.key,
  );
}

// Same inputs must give the same header, or the comparison means nothing.
for (const [n, input] of aliInputs.entries()) {
  const c = cases[n];
  if (!c || ours(c) !== theirs(input))
    throw new Error(`case ${n}: the two signers disagree; not benchmarking`);
}

// The machine is shared: tasks run in several short interleaved rounds and the median ratio is kept,
// so a burst of load during one task does not decide the comparison.
const ROUNDS = 5;
const tasks: Record<string, () => void> = {
  "ali-oss signUtils.authorizationV4": () => {
    for (const i of aliInputs) theirs(i);
  },
  "@style-console/oss signRequest (cold)": () => {
    for (const c of cases) {
      ours(c, otherCredentials);
      ours(c);
    }
  },
  "@style-console/oss signRequest (warm)": () => {
    for (const c of cases) ours(c);
  },
};
// Signatures per second of each task, one entry per round.
const rates: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 400, warmupTime: 100 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (!("throughput" in r)) throw new Error(`${task.name} did not complete`);
    const perIteration = task.name.includes("(cold)") ? cases.length * 2 : cases.length;
    const list = rates[task.name] ?? [];
    list.push(r.throughput.mean * perIteration);
    rates[task.name] = list;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ratios = (name: string) =>
  median(
    (rates[name] ?? []).map((x, i) => x / (rates["ali-oss signUtils.authorizationV4"]?.[i] ?? Number.NaN)),
  );
const rate = (name: string) => Math.round(median(rates[name] ?? []));
console.log(`signatures/s (median of ${ROUNDS} interleaved rounds)`);
console.log(`  ali-oss authorizationV4:           ${rate("ali-oss signUtils.authorizationV4")}`);
console.log(
  `  @style-console/oss cold (no memo): ${rate("@style-console/oss signRequest (cold)")}  ratio ${ratios("@style-console/oss signRequest (cold)").toFixed(2)}`,
);
console.log(
  `  @style-console/oss warm (memo):    ${rate("@style-console/oss signRequest (warm)")}  ratio ${ratios("@style-console/oss signRequest (warm)").toFixed(2)}`,
);
console.log(
  `(${cases.length} requests per iteration, identical Authorization values, Node ${process.version})`,
);
