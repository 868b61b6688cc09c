/**
 * The one error type of the renderer. It carries what an OSS-compatible server needs to answer the
 * way OSS does: the HTTP status, the OSS `Code`, the message in OSS's words and, where Alibaba
 * documents one, the `EC` (e.g. `0040-00000007`). Nothing in it ever quotes the image bytes.
 */
export class RenderError extends Error {
  override readonly name = "RenderError";
  readonly status: number;
  readonly code: string;
  readonly ossCode: string | undefined;
  /**
   * For `ProcessTimeout`: the actions that were running when time ran out, as written
   * (`blur,r_50,s_50`), or `decode`/`encode <format>`.
   */
  operation: string | undefined;
  /**
   * For `ProcessTimeout`: which limit ran out. `cpu`: the render's own CPU time (`timeoutMs`), so the
   * same draft on the same image would run out again: too expensive. `wall`: the wall-clock backstop
   * (`wallTimeoutMs`) or libvips' own stop came first, before the CPU time was spent: the machine was
   * too busy (or a resolver too slow), and a later try may pass.
   */
  limit: "cpu" | "wall" | undefined;

  /**
   * @example
   * throw new RenderError(400, "ImageTooLarge", "The image is too large.", "0040-00000007");
   */
  constructor(status: number, code: string, message: string, ossCode?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.ossCode = ossCode;
  }
}

/**
 * True for errors the renderer raised on purpose (as opposed to a programming error).
 * @example
 * try { await render(bytes, "image/info"); } catch (e) { if (isRenderError(e)) reply(e.status); }
 */
export function isRenderError(error: unknown): error is RenderError {
  return error instanceof RenderError;
}

/**
 * The source is not an image we can decode: OSS answers with this exact sentence (EC 0040-00000005).
 * @example
 * throw unsupportedFormat(); // 400 BadRequest "This image format is not supported."
 */
export function unsupportedFormat(): RenderError {
  return new RenderError(400, "BadRequest", "This image format is not supported.", "0040-00000005");
}

/**
 * Source or target past the size or pixel limits.
 * @example
 * throw imageTooLarge("The target size 5000x5000 is too large.", "0040-00000007");
 */
export function imageTooLarge(message: string, ossCode?: string): RenderError {
  return new RenderError(400, "ImageTooLarge", message, ossCode);
}

/**
 * What libvips and sharp say when the SOURCE cannot be decoded: sharp's input messages, the loaders
 * (`jpegload_buffer: …`, libjpeg's `VipsJpeg: …`, libspng) and damaged-data wording. Deliberately not
 * `vips`, `bad` or `invalid`: those also open our own pipeline failures (`extract_area: bad extract
 * area`), which are bugs of ours and must be a 500, not the client's 400.
 */
const DECODER_FAILURE =
  /input (buffer|file)|premature end|corrupt|truncat|(jpeg|png|gif|webp|heif|tiff|jp2k|jxl|svg|pdf)load|VipsJpeg|libspng|unsupported image format/i;

/**
 * Maps whatever sharp/libvips threw to a RenderError: timeouts, pixel limits and decode failures get
 * their OSS answers; anything else is an internal error whose text is NOT passed on (it may quote
 * paths or internals).
 * @example
 * try { await img.toBuffer(); } catch (e) { throw translate(e); }
 */
export function translate(error: unknown): RenderError {
  if (error instanceof RenderError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(text)) return new RenderError(503, "ProcessTimeout", "Image processing took too long.");
  if (/pixel limit/i.test(text)) return imageTooLarge("The image has too many pixels.", "0040-00000012");
  if (DECODER_FAILURE.test(text)) return unsupportedFormat();
  return new RenderError(500, "InternalError", "We encountered an internal error. Please try again.");
}
