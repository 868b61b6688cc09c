// Child of src/render/cpu-time.test.ts: renders a photo with an image watermark and, when the renderer
// asks for the watermark, stops itself (SIGSTOP) as a machine full of other work would starve it: the
// wall clock runs on while the process gets no CPU. The parent continues it (SIGCONT) after a while.
// Prints one JSON line: { ok, width } or { ok: false, code, limit }.
import { isRenderError, render } from "../src/render/index.ts";
import { encodeBase64Url } from "../src/syntax/index.ts";
import { fixture, solid } from "./helpers.ts";

const limitMs = Number(process.argv[2]);
const photo = fixture("images/2569067123_aca715a2ee_o.jpg");
const logo = await solid(64, 64, "#ff0000");
const style = `image/resize,w_800/watermark,image_${encodeBase64Url("logo.png")},g_se/format,jpg`;
try {
  const result = await render(photo, style, {
    timeoutMs: limitMs,
    resolveImage: async () => {
      process.kill(process.pid, "SIGSTOP");
      return logo;
    },
  });
  console.log(JSON.stringify({ ok: true, width: result.info.width }));
} catch (error) {
  if (!isRenderError(error)) throw error;
  console.log(JSON.stringify({ ok: false, code: error.code, limit: error.limit }));
}
