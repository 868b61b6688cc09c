import {
  type AccessLogRequest,
  type MalformedLine,
  parseAccessLogRequest,
  styleUseOf,
} from "@style-console/oss/access-log";

/**
 * Folds access-log lines into per-style, per-day counters: the index's unit of work, kept apart from
 * I/O so the parser + index bench measures exactly this. A line counts as a use of a style when it is a
 * GET or HEAD of an object that applied the style in any form OSS accepts (`styleUseOf`); errors are
 * answers with a status of 400 or more.
 */

export interface DayCounter {
  style: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  requests: number;
  bytesSent: number;
  errors: number;
  /** Epoch ms. */
  lastUsed: number;
}

/** How many malformed lines of one object are kept with their text (all are counted). */
export const MALFORMED_SAMPLES = 20;

export class UsageAggregate {
  // Per UTC day number, per style: no key string is built per line.
  readonly #byDay = new Map<number, Map<string, DayCounter>>();
  lines = 0;
  malformed = 0;
  styleRequests = 0;
  /** Newest `Time` read, epoch ms (0 before any). */
  newest = 0;
  readonly samples: MalformedLine[] = [];

  constructor(
    private readonly delimiters: readonly string[],
    private readonly isStyle: (name: string) => boolean,
  ) {}

  /** Every (style, day) counter so far. */
  get counters(): DayCounter[] {
    const all: DayCounter[] = [];
    for (const styles of this.#byDay.values()) for (const counter of styles.values()) all.push(counter);
    return all;
  }

  /**
   * Takes one line (its 1-based number for the report).
   * @example
   * aggregate.addLine(line, 1);
   */
  addLine(text: string, number: number, overlong = false): void {
    this.lines++;
    if (overlong) {
      this.#bad({
        line: number,
        column: text.length + 1,
        message: "the line is too long",
        excerpt: text.slice(0, 200),
      });
      return;
    }
    // Every field is checked (a malformed line is counted whatever field is wrong); only the four a
    // count needs are read out.
    const parsed = parseAccessLogRequest(text);
    if (!parsed.ok) {
      this.#bad({ ...parsed.error, line: number, excerpt: text.slice(0, 200) });
      return;
    }
    this.addRecord(parsed.request);
  }

  /** Takes one parsed record (a whole `AccessLogRecord` will do). */
  addRecord(record: AccessLogRequest): void {
    if (record.Time > this.newest) this.newest = record.Time;
    const url = record.RequestURL;
    if (!url.startsWith("GET ") && !url.startsWith("HEAD ")) return;
    const use = styleUseOf(url, this.delimiters, this.isStyle);
    if (!use) return;
    this.styleRequests++;
    const dayNumber = Math.floor(record.Time / 86_400_000);
    let styles = this.#byDay.get(dayNumber);
    if (styles === undefined) {
      styles = new Map();
      this.#byDay.set(dayNumber, styles);
    }
    let counter = styles.get(use.name);
    if (!counter) {
      const day = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
      counter = { style: use.name, day, requests: 0, bytesSent: 0, errors: 0, lastUsed: 0 };
      styles.set(use.name, counter);
    }
    counter.requests++;
    counter.bytesSent += record.SentBytes ?? 0;
    if (record.HTTPStatus >= 400) counter.errors++;
    if (record.Time > counter.lastUsed) counter.lastUsed = record.Time;
  }

  #bad(line: MalformedLine): void {
    this.malformed++;
    if (this.samples.length < MALFORMED_SAMPLES) this.samples.push(line);
  }
}
