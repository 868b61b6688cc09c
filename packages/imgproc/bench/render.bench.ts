/**
 * Render speed on five typical styles, in one run on the same inputs: our `render` against
 * hand-written sharp doing the same work (target ≤ 1.10×), ImageMagick's `convert` and Pillow.
 * Prints the median ms per job, the ratios to hand-written sharp, and the peak RSS of each runner.
 *
 * Ours and hand-written sharp are timed alternately in one Node worker (this file with `--worker`)
 * so both see the same load; each then runs alone in its own worker for its peak RSS. Pillow runs
 * in-process in the first python3 on PATH that has it; `convert` (or IM7's `magick`) runs as child
 * processes of a Python driver (peak RSS from getrusage(RUSAGE_CHILDREN); its times include process
 * start-up, about 10–20 ms). A peer that is missing or fails is printed "not measured" with the reason
 * (`peers.ts`); `pnpm bench` installs them first on Debian as root.
 * Run: `pnpm --filter @style-console/imgproc exec tsx bench/render.bench.ts`
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import { render } from "../src/render/index.ts";
import { encodeBase64Url } from "../src/syntax/index.ts";
import { cell, findImageMagick, findPillow, onPath, type Peer } from "./peers.ts";

const exec = promisify(execFile);
const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
const TEXT = "Style Console 图片";
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const QUALITY = 81; // our DEFAULT_QUALITY, used by every runner

interface Job {
  name: string;
  file: string;
  style: string;
  sharp(input: Buffer): Promise<Buffer>;
  /** ImageMagick arguments between the input and the output. */
  convert: string[];
  output: string;
  /** Python statements turning `im` (PIL Image, opened from `path`) into bytes in `out` (BytesIO). */
  pillow: string;
}

const circleMask = (side: number) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><circle cx="${side / 2}" cy="${side / 2}" r="${side / 2}"/></svg>`,
  );

const JOBS: Job[] = [
  {
    name: "6 MP JPEG → 800 px WebP",
    file: "images/2569067123_aca715a2ee_o.jpg",
    style: "image/resize,w_800/format,webp",
    sharp: (input) => sharp(input).resize({ width: 800 }).webp({ quality: QUALITY }).toBuffer(),
    convert: ["-resize", "800x", "-quality", String(QUALITY)],
    output: "webp:-",
    pillow: `im = im.resize((800, round(im.height * 800 / im.width)), Image.LANCZOS); im.save(out, "WEBP", quality=${QUALITY})`,
  },
  {
    name: "crop + rotate (JPEG)",
    file: "images/2569067123_aca715a2ee_o.jpg",
    style: "image/crop,w_1200,h_800,g_center/rotate,90",
    sharp: (input) =>
      sharp(input)
        .extract({ left: 762, top: 712, width: 1200, height: 800 })
        .rotate(90)
        .jpeg({ quality: QUALITY })
        .toBuffer(),
    convert: ["-crop", "1200x800+762+712", "+repage", "-rotate", "90", "-quality", String(QUALITY)],
    output: "jpg:-",
    pillow: `im = im.crop((762, 712, 1962, 1512)).transpose(Image.ROTATE_270); im.save(out, "JPEG", quality=${QUALITY})`,
  },
  {
    name: "resize + CJK text watermark",
    file: "images/2569067123_aca715a2ee_o.jpg",
    style: `image/resize,w_800/watermark,text_${encodeBase64Url(TEXT)},size_40,color_FFFFFF,g_se,x_10,y_10`,
    sharp: async (input) => {
      const text = await sharp({
        text: {
          text: `<span foreground="#FFFFFF" font_desc="WenQuanYi Zen Hei 40px">${TEXT}</span>`,
          rgba: true,
          fontfile: FONT,
        },
      })
        .png({ compressionLevel: 0 })
        .toBuffer();
      return sharp(input)
        .resize({ width: 800 })
        .composite([{ input: text, gravity: "southeast" }])
        .jpeg({ quality: QUALITY })
        .toBuffer();
    },
    convert: [
      "-resize",
      "800x",
      "-font",
      FONT,
      "-pointsize",
      "40",
      "-fill",
      "white",
      "-gravity",
      "southeast",
      "-annotate",
      "+10+10",
      TEXT,
      "-quality",
      String(QUALITY),
    ],
    output: "jpg:-",
    pillow: [
      "im = im.resize((800, round(im.height * 800 / im.width)), Image.LANCZOS)",
      `font = ImageFont.truetype("${FONT}", 40)`,
      `d = ImageDraw.Draw(im); box = d.textbbox((0, 0), "${TEXT}", font=font)`,
      `d.text((im.width - box[2] - 10, im.height - box[3] - 10), "${TEXT}", font=font, fill="white")`,
      `im.save(out, "JPEG", quality=${QUALITY})`,
    ].join("; "),
  },
  {
    name: "PNG with alpha → circle",
    file: "images/Flag_of_the_Netherlands-alpha.png",
    style: "image/circle,r_250",
    sharp: (input) =>
      sharp(input)
        .extract({ left: 200, top: 50, width: 501, height: 501 })
        .ensureAlpha()
        .composite([{ input: circleMask(501), blend: "dest-in" }])
        .png({ compressionLevel: 6, adaptiveFiltering: true })
        .toBuffer(),
    convert: [
      "-crop",
      "501x501+200+50",
      "+repage",
      "-alpha",
      "set",
      "(",
      "-size",
      "501x501",
      "xc:none",
      "-fill",
      "white",
      "-draw",
      "circle 250,250 250,0",
      ")",
      "-compose",
      "DstIn",
      "-composite",
    ],
    output: "png:-",
    pillow: [
      'im = im.convert("RGBA").crop((200, 50, 701, 551))',
      'mask = Image.new("L", im.size, 0); ImageDraw.Draw(mask).ellipse((0, 0, 500, 500), fill=255)',
      'im.putalpha(ImageChops.multiply(im.getchannel("A"), mask)); im.save(out, "PNG", compress_level=6)',
    ].join("; "),
  },
  {
    name: "animated GIF resize (10 frames)",
    file: "images/animated-loop-3.gif",
    style: "image/resize,w_200",
    sharp: async (input) => {
      const { delay, loop } = await sharp(input).metadata();
      return sharp(input, { animated: true })
        .resize({ width: 200 })
        .gif({ ...(delay ? { delay } : {}), loop: loop ?? 0 })
        .toBuffer();
    },
    convert: ["-coalesce", "-resize", "200x"],
    output: "gif:-",
    pillow: [
      "frames = [f.convert('RGBA').resize((200, round(im.height * 200 / im.width)), Image.LANCZOS) for f in ImageSequence.Iterator(im)]",
      'frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], loop=0, duration=im.info.get("duration", 100))',
    ].join("; "),
  },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Medians of `tasks` run alternately (order flipped every run), so all see the same load. */
async function interleaved(tasks: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const task of tasks) await task(); // warm-up: caches, font loading
  const runs: number[][] = tasks.map(() => []);
  for (let k = 0; k < RUNS; k++) {
    // Alternate the order too: whoever runs second can inherit a warm cache or a busy core.
    const order = [...tasks.keys()];
    if (k % 2 === 1) order.reverse();
    for (const i of order) {
      const start = performance.now();
      await tasks[i]?.();
      runs[i]?.push(performance.now() - start);
    }
  }
  return runs.map(median);
}

interface RunnerResult {
  medians: number[];
  peakRssMb: number;
}

/** `both`: ours and hand-written sharp timed alternately; `ours`/`sharp`: one pass each, for peak RSS. */
async function worker(kind: "both" | "ours" | "sharp"): Promise<RunnerResult & { sharpMedians?: number[] }> {
  const medians: number[] = [];
  const sharpMedians: number[] = [];
  for (const job of JOBS) {
    const input = readFileSync(FIXTURES + job.file);
    const ours = () => render(input, job.style);
    const hand = () => job.sharp(input);
    if (kind === "both") {
      const [o, s] = await interleaved([ours, hand]);
      medians.push(o ?? Number.NaN);
      sharpMedians.push(s ?? Number.NaN);
    } else {
      await (kind === "ours" ? ours() : hand());
      await (kind === "ours" ? ours() : hand());
    }
  }
  return { medians, sharpMedians, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const PYTHON = `
import io, json, resource, statistics, subprocess, sys, time
jobs, runs, mode, magick = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
if mode == "pillow":
    from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageSequence
medians = []
for job in jobs:
    def once():
        if mode == "convert":
            subprocess.run([magick, job["path"], *job["convert"], job["output"]], check=True, stdout=subprocess.PIPE)
        else:
            im = Image.open(job["path"]); out = io.BytesIO(); exec(job["pillow"], {**globals(), "im": im, "out": out})
    once()
    times = []
    for _ in range(runs):
        start = time.perf_counter(); once(); times.append((time.perf_counter() - start) * 1000)
    medians.append(statistics.median(times))
who = resource.RUSAGE_CHILDREN if mode == "convert" else resource.RUSAGE_SELF
print(json.dumps({"medians": medians, "peakRssMb": resource.getrusage(who).ru_maxrss / 1024}))
`;

async function child(command: string, args: string[]): Promise<RunnerResult> {
  const { stdout } = await exec(command, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as RunnerResult;
}

/** A peer's figures, or why there are none. */
type PeerRun = { ok: true; result: RunnerResult } | { ok: false; reason: string };

async function runPeer(peer: Peer, python: string | undefined, mode: string, jobs: string): Promise<PeerRun> {
  if (!peer.available) return { ok: false, reason: peer.reason };
  const driver = mode === "pillow" ? peer.command : python;
  if (!driver) return { ok: false, reason: "no python3 on PATH to time it" };
  const magick = mode === "convert" ? peer.command : "";
  try {
    return { ok: true, result: await child(driver, ["-c", PYTHON, jobs, String(RUNS), mode, magick]) };
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0] ?? "failed";
    return { ok: false, reason: `${peer.name} ${peer.version} failed: ${first.slice(0, 200)}` };
  }
}

async function main(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const node = (kind: string) => child(process.execPath, ["--import", "tsx", self, "--worker", kind]);
  const pyJobs = JSON.stringify(
    JOBS.map((j) => ({ path: FIXTURES + j.file, convert: j.convert, output: j.output, pillow: j.pillow })),
  );
  // One runner at a time: the machine has two cores and libvips/ImageMagick use both.
  const both = (await node("both")) as RunnerResult & { sharpMedians: number[] };
  const ours = { medians: both.medians, peakRssMb: (await node("ours")).peakRssMb };
  const hand = { medians: both.sharpMedians, peakRssMb: (await node("sharp")).peakRssMb };
  const anyPython = onPath("python3", process.env.PATH)[0];
  const magick = await runPeer(findImageMagick(process.env), anyPython, "convert", pyJobs);
  const pillow = await runPeer(findPillow(process.env), anyPython, "pillow", pyJobs);
  const ms = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(1));
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? "–" : `${(a / b).toFixed(2)}×`;
  const peerMs = (run: PeerRun, k: number) => cell(run.ok ? ms(run.result.medians[k]) : undefined);
  const peerRatio = (run: PeerRun, k: number, s: number | undefined) =>
    cell(run.ok ? ratio(run.result.medians[k], s) : undefined);
  console.log(`Median of ${RUNS} runs (ms) after one warm-up; ratios are runner ÷ hand-written sharp.`);
  console.log("Figures are noisy: the machine's two cores are shared with other sessions.\n");
  console.log(
    "| job | style | ours | sharp | ours ÷ sharp | ImageMagick | IM ÷ sharp | Pillow | Pillow ÷ sharp |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  JOBS.forEach((job, k) => {
    const [o, s] = [ours.medians[k], hand.medians[k]];
    const style = job.style.length > 48 ? `${job.style.slice(0, 45)}…` : job.style;
    console.log(
      `| ${job.name} | \`${style}\` | ${ms(o)} | ${ms(s)} | ${ratio(o, s)} | ${peerMs(magick, k)} | ${peerRatio(magick, k, s)} | ${peerMs(pillow, k)} | ${peerRatio(pillow, k, s)} |`,
    );
  });
  const mb = (r: RunnerResult) => `${r.peakRssMb.toFixed(0)} MB`;
  const peerMb = (run: PeerRun) => (run.ok ? mb(run.result) : "not measured");
  console.log(
    `\nPeak RSS: ours ${mb(ours)}, hand-written sharp ${mb(hand)}, ImageMagick (largest convert) ${peerMb(magick)}, Pillow ${peerMb(pillow)}.`,
  );
  for (const [name, run] of [
    ["ImageMagick", magick],
    ["Pillow", pillow],
  ] as const) {
    if (!run.ok) console.log(`${name}: not measured — ${run.reason}.`);
  }
}

const at = process.argv.indexOf("--worker");
if (at >= 0) {
  const arg = process.argv[at + 1];
  const kind = arg === "sharp" || arg === "ours" ? arg : "both";
  console.log(JSON.stringify(await worker(kind)));
} else {
  await main();
}
