import { type DestinationStream, pino } from "pino";

/** The values of one log event: JSON-serialisable, written escaped whatever they contain. */
export type LogFields = Record<string, unknown>;

/**
 * Where the BFF writes its log events. Injected (never `console` directly in routes) so tests can
 * capture every event and prove no secret reaches the log, and so every event passes through one
 * redactor. Events are structured: a fixed message and fields, never a line built from request data,
 * so a URL with `%0D%0A` or `%1B` cannot forge a log line or drive a terminal (issue 14).
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * Wraps a logger so that each of `secrets` (the OSS secret key, the admin token, the STS token…) is
 * replaced by `[redacted]` in every message and field, whatever code produced it.
 * @example
 * const log = redactingLogger(sink, ["s3cr3t"]);
 * log.info("key s3cr3t"); // the sink sees "key [redacted]"
 */
export function redactingLogger(sink: Logger, secrets: readonly string[]): Logger {
  const live = secrets.filter((secret) => secret.length >= 4);
  const redact = (text: string) => live.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const clean = (fields: LogFields | undefined): LogFields | undefined =>
    fields === undefined ? undefined : (JSON.parse(redact(JSON.stringify(fields))) as LogFields);
  return {
    info: (message, fields) => sink.info(redact(message), clean(fields)),
    error: (message, fields) => sink.error(redact(message), clean(fields)),
  };
}

/**
 * The BFF's log: one JSON object per line (pino, decision 014), ISO time, `level`, `msg` and the
 * fields. JSON escapes every control character (`\r`, `\n`, `\u001b`), so whatever a value holds, an
 * event is exactly one line.
 * @example
 * const log = jsonLogger(); // to stdout
 * log.info("request", { method: "GET", path: "/api/x", status: 200, ms: 3 });
 * // {"level":"info","time":"2026-11-29T15:00:00.000Z","msg":"request","method":"GET",…}
 */
export function jsonLogger(destination: DestinationStream = pino.destination({ sync: true })): Logger {
  const log = pino(
    {
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
