import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { solid } from "../../test/helpers.ts";
import { encodeBase64Url } from "../syntax/index.ts";
import { isRenderError, type RenderError, render } from "./index.ts";

async function failure(promise: Promise<unknown>): Promise<RenderError> {
  try {
    await promise;
  } catch (error) {
    if (isRenderError(error)) return error;
    throw error;
  }
  throw new Error("expected a RenderError");
}

/**
 * Two image watermarks whose first object loads only when the test says so. Every resolveImage
 * call is recorded: a call for "b" after the render failed means the chain ran on unseen.
 */
function slowWatermarks() {
  const keys: string[] = [];
  let release: (bytes: Uint8Array) => void = () => undefined;
  const pending = new Promise<Uint8Array>((resolve) => {
    release = resolve;
  });
  const resolveImage = (key: string): Promise<Uint8Array> => {
    keys.push(key);
    return key === "a.png" ? pending : solid(20, 20, "#ff0000");
  };
  const style = [
    "image",
    `watermark,image_${encodeBase64Url("a.png?x-oss-process=image/resize,P_50")}`,
    `watermark,image_${encodeBase64Url("b.png")}`,
  ].join("/");
  return { keys, release, resolveImage, style };
}

describe("a render that failed stops", () => {
  it("runs no step after its timeout (the watermark resolver outlives the budget)", async () => {
    const { keys, release, resolveImage, style } = slowWatermarks();
    const canvas = await solid(200, 100, "#ffffff");
    // 400 ms is ample to reach the first resolver call on a busy machine, tiny against the resolver.
    const error = await failure(render(canvas, style, { resolveImage, timeoutMs: 400 }));
    expect(error.status).toBe(503);
    expect(error.code).toBe("ProcessTimeout");
    expect(keys).toEqual(["a.png"]);
    release(await solid(40, 40, "#00ff00"));
    await sleep(300);
    expect(keys).toEqual(["a.png"]);
  });

  it("runs no step after the caller aborted", async () => {
    const { keys, release, resolveImage, style } = slowWatermarks();
    const canvas = await solid(200, 100, "#ffffff");
    const controller = new AbortController();
    const done = failure(render(canvas, style, { resolveImage, signal: controller.signal }));
    while (keys.length === 0) await sleep(10);
    controller.abort();
    const error = await done;
    expect(error.status).toBe(499);
    release(await solid(40, 40, "#00ff00"));
    await sleep(300);
    expect(keys).toEqual(["a.png"]);
  });

  it("still renders both marks when nothing stops it", async () => {
    const { keys, release, resolveImage, style } = slowWatermarks();
    const canvas = await solid(200, 100, "#ffffff");
    const done = render(canvas, style, { resolveImage });
    while (keys.length === 0) await sleep(10);
    release(await solid(40, 40, "#00ff00"));
    const { info } = await done;
    expect(keys).toEqual(["a.png", "b.png"]);
    expect([info.width, info.height]).toEqual([200, 100]);
  });
});
