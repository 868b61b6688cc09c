import { writeFileSync } from "node:fs";
import { figure, pickSample } from "../fixtures/preview.ts";
import { expect, signIn, test } from "../fixtures/test.ts";

/**
 * Keystroke-to-updated-preview latency: from the keydown that changes the draft to the first frame
 * painted after the preview's <img> got its new (already decoded) src, on the 6 MP sample
 * (2725×2225 JPEG). Two cases, 50 edits each:
 * - "after a pause": one keystroke when the preview is idle (the usual edit of a number);
 * - "end of a burst": three keystrokes 50 ms apart, timed from the last one (pays the debounce).
 * The pause case is also split into its phases (Resource Timing of its request, marks in the page) with
 * its own server share, so a regression shows on the side where it happened.
 */
const EDITS = 50;
const SAMPLE = "2569067123_aca715a2ee_o";

declare global {
  interface Window {
    __bench: { keydown: number; mutated: number; painted: number; src: string };
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    label,
    n: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean,
    max: sorted.at(-1) ?? 0,
  };
}

test("keystroke to updated preview on the 6 MP sample", async ({ page }, testInfo) => {
  await signIn(page);
  await page.goto("/buckets/demo-photos/styles/new");
  await pickSample(page, SAMPLE);
  await expect(figure(page, "Original").locator("dl")).toContainText("2725 × 2225", { timeout: 30_000 });
  const content = page.getByLabel("Content");
  await content.fill("image/resize,w_64");
  await expect(figure(page).locator("dl")).toContainText("64 ×", { timeout: 30_000 });

  // Marks in the page: the keydown (capture phase, before React sees it) and the first frame after the
  // result <img>'s src changed (React only sets it once the image is decoded off-screen).
  await page.evaluate(() => {
    window.__bench = { keydown: 0, mutated: 0, painted: 0, src: "" };
    document.addEventListener(
      "keydown",
      () => {
        window.__bench.keydown = performance.now();
      },
      true,
    );
    const img = document.querySelector("figure .preview-img");
    if (!img) throw new Error("no preview image");
    new MutationObserver(() => {
      const src = img.getAttribute("src") ?? "";
      window.__bench.mutated = performance.now();
      requestAnimationFrame(() => {
        window.__bench.painted = performance.now();
        window.__bench.src = src;
      });
    }).observe(img, { attributes: true, attributeFilter: ["src"] });
  });

  const measure = async (prefix: number, digits: string, gapMs: number): Promise<number> => {
    // Set-up (not timed): a draft whose preview has settled.
    await content.fill(`image/resize,w_${prefix}`);
    await expect(figure(page).locator("dl")).toContainText(`${prefix} ×`);
    await expect(figure(page)).toHaveAttribute("aria-busy", "false");
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => window.__bench.painted);
    await content.press("End");
    for (const digit of digits) {
      await content.press(digit);
      if (gapMs > 0) await page.waitForTimeout(gapMs);
    }
    const width = `${prefix}${digits}`;
    await page.waitForFunction(
      (t) => window.__bench.painted > t && window.__bench.painted > window.__bench.keydown,
      before,
    );
    await expect(figure(page).locator("dl")).toContainText(`${width} ×`);
    // The server's share (Server-Timing, as the facts show it): what remains is the browser's and the load's.
    const facts = (await figure(page).locator("dl").textContent()) ?? "";
    const server = Number(/Render time\s*([\d.]+) ms/.exec(facts)?.[1] ?? Number.NaN);
    serverMs.push(server);
    // Where the time went, from Resource Timing of the preview request that drew this width: the page
    // until the request left (editor, draft check, loader), the round trip (server and transfer), and
    // the image's decode and React's commit until the new src is set, and the wait for the next frame.
    const split = await page.evaluate((w) => {
      const entry = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.name.includes("/api/preview?") && e.name.includes(`w_${w}`))
        .at(-1);
      performance.clearResourceTimings();
      const { keydown, mutated, painted } = window.__bench;
      if (!entry) return null;
      return {
        beforeRequest: entry.startTime - keydown,
        roundTrip: entry.responseEnd - entry.startTime,
        waiting: entry.responseStart - entry.requestStart,
        toSrc: mutated - entry.responseEnd,
        toFrame: painted - mutated,
      };
    }, width);
    if (split) phases.push(split);
    return page.evaluate(() => window.__bench.painted - window.__bench.keydown);
  };
  const serverMs: number[] = [];
  const phases: {
    beforeRequest: number;
    roundTrip: number;
    waiting: number;
    toSrc: number;
    toFrame: number;
  }[] = [];

  const single: number[] = [];
  for (let i = 0; i < EDITS; i += 1) single.push(await measure(10 + i, String((i * 7) % 10), 0));
  const singleServer = serverMs.filter((ms) => Number.isFinite(ms));
  const singlePhases = phases.splice(0);
  const burst: number[] = [];
  // Widths 1100–1999 (the source is 2725 wide: a larger width would keep the source size).
  for (let i = 0; i < EDITS; i += 1) burst.push(await measure(1, String(100 + ((i * 17) % 900)), 50));

  const server = serverMs.filter((ms) => Number.isFinite(ms));
  const results = [
    summary("after a pause (1 keystroke)", single),
    summary("… its server render (Server-Timing)", singleServer),
    summary(
      "… its keydown → request sent",
      singlePhases.map((p) => p.beforeRequest),
    ),
    summary(
      "… its request → response end",
      singlePhases.map((p) => p.roundTrip),
    ),
    summary(
      "… … of which request sent → first byte",
      singlePhases.map((p) => p.waiting),
    ),
    summary(
      "… its response end → new src set (decode, React)",
      singlePhases.map((p) => p.toSrc),
    ),
    summary(
      "… its new src set → next frame",
      singlePhases.map((p) => p.toFrame),
    ),
    summary("end of a burst (3 keystrokes, 50 ms apart)", burst),
    summary("of which the server's render (Server-Timing, both cases)", server),
  ];
  const table = [
    "| case | edits | p50 ms | p95 ms | mean ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.n} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.mean.toFixed(0)} | ${r.max.toFixed(0)} |`,
    ),
  ].join("\n");
  console.log(`\nKeystroke → updated preview, 6 MP JPEG sample (2725×2225)\n${table}\n`);
  const file = testInfo.outputPath("preview-latency.json");
  writeFileSync(file, JSON.stringify({ results, single, burst, server, singlePhases }, null, 2));
  await testInfo.attach("preview-latency", { path: file, contentType: "application/json" });
});
