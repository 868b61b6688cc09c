/**
 * Where the BFF writes its log lines. Injected (never `console` directly in routes) so tests can capture
 * every line and prove no secret reaches the log, and so every line passes through one redactor.
 */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

/**
 * Wraps a sink so that each of `secrets` (the OSS secret key, the admin token, the STS token…) is replaced
 * by `[redacted]` in every line, whatever code produced it.
 * @example
 * const log = redactingLogger(consoleLogger, ["s3cr3t"]);
 * log.info("key s3cr3t"); // prints "key [redacted]"
 */
export function redactingLogger(sink: Logger, secrets: readonly string[]): Logger {
  const live = secrets.filter((secret) => secret.length >= 4);
  const redact = (line: string) => live.reduce((text, secret) => text.split(secret).join("[redacted]"), line);
  return { info: (line) => sink.info(redact(line)), error: (line) => sink.error(redact(line)) };
}

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  error: (line) => console.error(line),
};
