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
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let overlong = false;
  let number = 0;
  const iterable = stream as AsyncIterable<Uint8Array>;
  function* drain(final: boolean): Generator<LogLine> {
    let start = 0;
    for (;;) {
      const nl = pending.indexOf("\n", start);
      if (nl === -1) break;
      number++;
      const raw = pending.slice(start, nl);
      const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (overlong || text.trim() !== "")
        yield { number, text: text.slice(0, maxLineChars), overlong: overlong || text.length > maxLineChars };
      overlong = false;
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLineChars) {
      // Keep only the head of a runaway line; its tail is dropped up to the next line break.
      if (!overlong) {
        overlong = true;
        pending = pending.slice(0, maxLineChars);
      } else pending = pending.slice(0, maxLineChars);
    }
    if (final && (pending.trim() !== "" || overlong)) {
      number++;
      yield { number, text: pending.slice(0, maxLineChars), overlong };
      pending = "";
    }
  }
  for await (const chunk of iterable) {
    pending += decoder.decode(chunk, { stream: true });
    yield* drain(false);
  }
  pending += decoder.decode();
  yield* drain(true);
}
