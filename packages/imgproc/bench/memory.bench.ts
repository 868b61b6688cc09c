/**
 * The memory estimate (`estimateRenderMemory`, `estimateDecodeMemory`) against what rendering really
 * costs: each case runs in a fresh process (bench/memory-child.ts), which reports its estimate and the
 * growth of its peak RSS (VmHWM). An estimate below the measurement is a bug of the model: the row says
 * UNDER. Inputs are generated (bench/memory-cases.ts); nothing large is committed. Linux only (/proc).
 *
 * Run: `pnpm --filter @style-console/imgproc bench:memory`.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { memoryCases } from "./memory-cases.ts";

const child = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
const mb = (n: number) => Math.round(n / 1024 / 1024);

console.log(`Node ${process.version}; one libvips thread per render`);
console.log("| case | process | estimate MB (step) | measured MB | verdict |");
console.log("| --- | --- | ---: | ---: | --- |");
for (const row of memoryCases()) {
  const out = execFileSync(process.execPath, ["--import", "tsx", child, row.name], { encoding: "utf8" });
  const result = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
    estimate: { bytes: number; step: string };
    measured: number;
    outcome: string;
  };
  const verdict =
    result.outcome !== "ok" ? result.outcome : result.estimate.bytes >= result.measured ? "ok" : "UNDER";
  console.log(
    `| ${row.name} | \`${row.process}\` | ${mb(result.estimate.bytes)} (${result.estimate.step}) | ${mb(result.measured)} | ${verdict} |`,
  );
}
