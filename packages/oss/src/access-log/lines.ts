/**
 * Splits a log object's body into lines as it streams in, so a large object never sits in memory whole.
 * A line longer than `maxLineChars` is cut there and flagged (`overlong`), so the reader can report it as
 * malformed instead of buffering without bound.
 */

export interface LogLine {
  /** 1-based line number in the object. */
  readonly number: number;
  readonly text: string;
  /** The line passed `maxLineChars`; `text` holds only its beginning. */
  readonly overlong: boolean;
}

/**
 * Lines of a UTF-8 byte stream (`\n` or `\r\n`); blank lines are skipped but counted.
 *
 * @example
 * for await (const line of readLogLines(response.body)) parseAccessLogLine(line.text);
 */
export async function* readLogLines(
  stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  maxLineChars = 64 * 1024,
): AsyncGenerator<LogLine> {
  for await (const batch of readLogLineBatches(stream, maxLineChars)) yield* batch;
}

/**
 * The same lines as {@link readLogLines}, a chunk's worth at a time: one await per chunk of the body
 * instead of one per line (a reader of hundreds of thousands of lines a second feels the difference).
 *
 * @example
 * for await (const lines of readLogLineBatches(response.body)) for (const line of lines) count(line);
 */
export async function* readLogLineBatches(
  stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  maxLineChars = 64 * 1024,
): AsyncGenerator<LogLine[]> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let overlong = false;
  let number = 0;
  const iterable = stream as AsyncIterable<Uint8Array>;
  function drain(final: boolean): LogLine[] {
    const out: LogLine[] = [];
    // One native split per chunk; the last piece is the start of a line still arriving.
    const parts = pending.split("\n");
    const last = parts.length - 1;
    for (let k = 0; k < last; k++) {
      number++;
      let text = parts[k] as string;
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      const length = text.length;
      if (overlong || !isBlank(text)) {
        out.push({
          number,
          text: length > maxLineChars ? text.slice(0, maxLineChars) : text,
          overlong: overlong || length > maxLineChars,
        });
      }
      overlong = false;
    }
    pending = parts[last] as string;
    if (pending.length > maxLineChars) {
      // Keep only the head of a runaway line; its tail is dropped up to the next line break.
      overlong = true;
      pending = pending.slice(0, maxLineChars);
    }
    if (final && (pending.trim() !== "" || overlong)) {
      number++;
      out.push({ number, text: pending.slice(0, maxLineChars), overlong });
      pending = "";
    }
    return out;
  }
  for await (const chunk of iterable) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = drain(false);
    if (lines.length > 0) yield lines;
  }
  pending += decoder.decode();
  const lines = drain(true);
  if (lines.length > 0) yield lines;
}

/** Whether `text` is only whitespace (as `trim()` sees it); a log line's first character decides. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  // Whitespace below U+1680 is tab, VT, FF, CR, space and NBSP; anything else there is content.
  if (c < 0x1680 && c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13 && c !== 0xa0) return false;
  return text.trim() === "";
}
