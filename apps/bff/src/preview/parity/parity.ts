import type { ImageFacts, ParityDto } from "@style-console/contract/dto";
import { describeImage, SIMILARITY_METHOD, similarity } from "@style-console/imgproc/render";
import { HttpError } from "../../http/error.ts";
import type { PreviewRequest, PreviewService } from "../preview-service.ts";
import type { RenderQueue } from "../queue/render-queue.ts";
import { sniffImage } from "../sources/sniff.ts";
import { parseSourceRef } from "../sources/source-ref.ts";

const MB = 1024 * 1024;

async function factsOf(bytes: Buffer, contentType: string | null): Promise<ImageFacts> {
  if (contentType?.includes("json"))
    return { format: "json", width: 0, height: 0, frames: 0, bytes: bytes.length };
  const described = await describeImage(bytes);
  if (described) return { ...described, bytes: bytes.length };
  // Something libvips cannot read (BMP: it has no loader): the format by its magic number, no size.
  return { format: sniffImage(bytes) ?? "unknown", width: 0, height: 0, frames: 0, bytes: bytes.length };
}

// A whole query (`?x-oss-process=…`) as typed in the editor: OSS gets only the parameter's value.
function remoteProcess(text: string): string | undefined {
  if (text === "") return undefined;
  if (!text.startsWith("?")) return text;
  return new URLSearchParams(text.slice(1)).get("x-oss-process") ?? undefined;
}

const sameJson = (a: Buffer, b: Buffer) => {
  try {
    return JSON.stringify(JSON.parse(a.toString("utf8"))) === JSON.stringify(JSON.parse(b.toString("utf8")));
  } catch {
    return false;
  }
};

/**
 * Parity with the server: the draft rendered here (through the preview pipeline and its cache) and by
 * the backend itself (GetObject with `x-oss-process`: the emulator renders with our package, real OSS
 * with its own engine), with both sets of facts and a similarity score.
 * @example
 * await checkParity(previews, queue, { source: "object:photos/a.jpg", process: "image/resize,w_200" });
 */
export async function checkParity(
  previews: PreviewService,
  queue: RenderQueue,
  request: PreviewRequest,
  signal?: AbortSignal,
): Promise<ParityDto> {
  const ref = parseSourceRef(request.source);
  if (ref.kind !== "object")
    throw new HttpError(
      "InvalidSource",
      "Parity compares with the backend: use source=object:<bucket>/<key>.",
    );
  const outcome = await previews.preview(request, signal);
  if (outcome.notModified) throw new Error("unreachable: no If-None-Match was sent");
  const local = outcome.rendered;
  const process = request.process.trim();
  let remote: { bytes: Buffer; contentType: string | null };
  try {
    remote = await previews.bucketNamed(ref.bucket).objects.get(ref.key, {
      // The text as typed, so a `style/<name>` is resolved by the backend itself.
      process: remoteProcess(process),
      maxBytes: 64 * MB,
      signal,
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const body = error.toBody().error;
    return {
      local: local.info,
      remote: null,
      remoteError: {
        status: error.status,
        code: body.code,
        message: body.message,
        ...(body.requestId ? { requestId: body.requestId } : {}),
      },
      similarity: null,
      method: SIMILARITY_METHOD,
    };
  }
  const { value } = await queue.run(async () => {
    const facts = await factsOf(remote.bytes, remote.contentType);
    if (facts.format === "json" || local.info.format === "json") {
      const same = facts.format === local.info.format && sameJson(local.data, remote.bytes);
      return { facts, score: same ? 1 : 0 };
    }
    // No pixels to compare when sharp could not read the backend's answer (BMP: libvips has no loader).
    if (facts.width === 0) return { facts, score: null };
    return { facts, score: await similarity(local.data, remote.bytes) };
  }, signal);
  return {
    local: local.info,
    remote: value.facts,
    remoteError: null,
    similarity: value.score,
    method: SIMILARITY_METHOD,
  };
}
