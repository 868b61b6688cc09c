// One row of bench/memory.bench.ts in a fresh process: renders (or decode-checks) one generated input
// and prints its estimate and the process's peak RSS growth as JSON.
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { estimateDecodeMemory, estimateRenderMemory, probeHeader, render } from "../src/render/index.ts";
import { memoryCases } from "./memory-cases.ts";

const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) * 1024;
const name = process.argv[2] ?? "";
const row = memoryCases().find((c) => c.name === name);
if (!row) throw new Error(`no case ${name}`);
sharp.concurrency(1);
const input = row.input();
const base = hwm();
const header = await probeHeader(input);
const estimate =
  row.process === "check" ? estimateDecodeMemory(header) : estimateRenderMemory(header, row.process);
let outcome = "ok";
try {
  if (row.process === "check") {
    await sharp(input, { animated: header.frames > 1, sequentialRead: true, failOn: "warning" })
      .resize(64, 64, { fit: "inside" })
      .raw()
      .toBuffer();
  } else {
    await render(input, row.process, { timeoutMs: 600_000 });
  }
} catch (error) {
  outcome = (error as Error).message;
}
console.log(JSON.stringify({ name, estimate, measured: hwm() - base, base, outcome }));
