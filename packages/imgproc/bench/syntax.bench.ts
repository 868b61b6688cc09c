/**
 * How long parsing + validating a style takes, to check it can run on every keystroke in the
 * editor (target: well under 1 ms for a 1 KB style). Prints the median µs per operation.
 * Run: `pnpm --filter @style-console/imgproc exec tsx bench/syntax.bench.ts`
 */
import { Bench } from "tinybench";
import { encodeBase64Url, parseProcess, parseProcessQuery, serialize } from "../src/syntax/index.ts";

const SHORT = "image/resize,w_200,m_fill/quality,q_90";

// A realistic long style: every family of action, two watermarks with Base64 text/image and nested
// processing, repeated resizes; padded to just over 1 KB with more real actions.
const PARTS = [
  "auto-orient,1",
  "resize,m_fill,w_800,h_600,limit_0",
  "crop,w_700,h_500,x_10,y_10,g_center",
  "rotate,90",
  "blur,r_3,s_2",
  "bright,10",
  "contrast,-10",
  "sharpen,120",
  `watermark,text_${encodeBase64Url("© Style Console 图片服务 2026")},type_${encodeBase64Url("wqy-microhei")},color_FFFFFF,size_30,shadow_50,t_80,g_se,x_10,y_10`,
  `watermark,image_${encodeBase64Url("brand/logo.png?x-oss-process=image/resize,P_20/rotate,10")},t_90,g_nw,x_20,y_20`,
  "rounded-corners,r_20",
  "interlace,1",
  "format,webp",
  "quality,Q_85",
];
let LONG = `image/${PARTS.join("/")}`;
while (LONG.length < 1024) LONG += `/resize,w_${(LONG.length % 500) + 100}/crop,w_90,h_90,g_se`;

const JD = "img/s/800/600/cc/600/600/r/90/wmt/wt/5Lqs5Lic5LqR/wp/9/wdx/-10/ws/50/fmt/webp/q/85";
const QUERY = `?a=1&x-oss-process=${SHORT}&b=2`;

for (const input of [SHORT, LONG, JD]) {
  const r = parseProcess(input);
  if (!r.ok) throw new Error(`benchmark input does not parse: ${input}\n${JSON.stringify(r.errors)}`);
}
const parsedLong = parseProcess(LONG);
if (!parsedLong.ok) throw new Error("unreachable");

const bench = new Bench({ time: 700, warmupTime: 200 });
bench
  .add(`parse short Alibaba style (${SHORT.length} B)`, () => parseProcess(SHORT))
  .add(`parse 1 KB Alibaba style (${LONG.length} B, ${LONG.split("/").length - 1} actions)`, () =>
    parseProcess(LONG),
  )
  .add(`parse JD img/… (${JD.length} B)`, () => parseProcess(JD))
  .add(`parseProcessQuery (${QUERY.length} B)`, () => parseProcessQuery(QUERY))
  .add("serialize the 1 KB style's AST", () => serialize(parsedLong.value));

await bench.run();

console.log("syntax benchmark (median latency per call)");
for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== "completed") {
    console.log(`${task.name}: ${r.state}`);
    continue;
  }
  const median = r.latency.p50 * 1000;
  console.log(
    `${task.name.padEnd(60)} ${median.toFixed(2).padStart(8)} µs/op   (${Math.round(r.throughput.p50)} ops/s)`,
  );
}
