// Run by resources.test.ts in a fresh process: the upload check of the 240-frame GIF, and the
// growth of this process's peak RSS (VmHWM) it caused.
import { readFileSync } from "node:fs";
import { tinyFramesGif } from "@style-console/imgproc/testing";
import { decodeAll, inspectHeader } from "./inspect.ts";

const peak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024;
const gif = tinyFramesGif(1000, 1000, 240);
const { kind, facts } = await inspectHeader(gif);
const before = peak();
await decodeAll(gif, kind, facts.frames > 1);
console.log(JSON.stringify({ status: "ok", growthMB: Math.round(peak() - before) }));
