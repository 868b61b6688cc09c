import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/helpers.ts";
import { encodeBase64Url } from "../syntax/index.ts";
import { isRenderError, type RenderError, render } from "./index.ts";

// Issue 14: "too expensive" was judged by wall time, so on a loaded machine a render that fits (the
// 240-frame GIF) was refused as too expensive. The limit is the render's CPU time now; the wall clock
// is only a backstop, and running into it means busy, not too expensive.

const CHILD = fileURLToPath(new URL("../../test/stopped-render.ts", import.meta.url));

async function failure(promise: Promise<unknown>): Promise<RenderError> {
  try {
    await promise;
  } catch (error) {
    if (isRenderError(error)) return error;
    throw error;
  }
  throw new Error("expected a RenderError");
}

const state = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];

describe("the render's time limit is CPU time", () => {
  it("finishes a render that was starved of CPU for longer than its limit (stopped 1.5 s, limit 1 s)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, "1000"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const pid = child.pid ?? 0;
    // Wait until it stopped itself at the watermark, keep it stopped past the limit, then let it go on.
    for (let i = 0; state(pid) !== "T"; i++) {
      if (i > 1200 || child.exitCode !== null) throw new Error(`the child never stopped: ${out}`);
      await sleep(25);
    }
    await sleep(1500);
    child.kill("SIGCONT");
    expect(await exited).toBe(0);
    expect(JSON.parse(out.trim())).toEqual({ ok: true, width: 800 });
  }, 120_000);

  it("still refuses a render whose own CPU time passes the limit, as too expensive (limit: cpu)", async () => {
    const photo = fixture("images/2569067123_aca715a2ee_o.jpg");
    const error = await failure(render(photo, "image/blur,r_50,s_50/format,png", { timeoutMs: 300 }));
    expect(error.code).toBe("ProcessTimeout");
    expect(error.limit).toBe("cpu");
    expect(error.operation).toBe("blur,r_50,s_50/encode png");
  });

  it("stops at the wall-clock backstop when the CPU time is not spent, as busy (limit: wall)", async () => {
    const photo = fixture("images/2569067123_aca715a2ee_o.jpg");
    const never = new Promise<Uint8Array>(() => {});
    const style = `image/watermark,image_${encodeBase64Url("logo.png")}`;
    const started = performance.now();
    const error = await failure(
      render(photo, style, { timeoutMs: 5_000, wallTimeoutMs: 300, resolveImage: () => never }),
    );
    expect(error.code).toBe("ProcessTimeout");
    expect(error.limit).toBe("wall");
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
