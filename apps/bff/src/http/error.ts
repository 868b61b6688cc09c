import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../platform/logger.ts";

/** The one error body the API answers with. `requestId` is the OSS request id when OSS was involved. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/**
 * The BFF's one HTTP error type: routes and services throw it, {@link createErrorHandler} turns it into
 * the JSON body above. Keeping a single type means every failure has a stable `code` the SPA can branch on.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: { details?: unknown; requestId?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "HttpError";
  }

  toBody(): ApiErrorBody {
    const { details, requestId } = this.extra;
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(details === undefined ? {} : { details }),
        ...(requestId === undefined ? {} : { requestId }),
      },
    };
  }
}

// Hono's own exceptions (malformed JSON from the validator, for one) keep their status but get our shape.
function fromHonoException(error: HTTPException): HttpError {
  const status = error.status;
  if (status === 413) return new HttpError(413, "PayloadTooLarge", "The request body is too large.");
  if (status === 400 && /json/i.test(error.message)) {
    return new HttpError(400, "MalformedJson", "The request body is not valid JSON.");
  }
  return new HttpError(status, "BadRequest", error.message || "The request was rejected.");
}

/**
 * The one `onError`: HttpError as it is, Hono's exceptions mapped, anything else a 500 whose cause goes
 * to the log only (an unexpected error's text could hold anything, so the browser never sees it).
 */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const httpError =
      error instanceof HttpError
        ? error
        : error instanceof HTTPException
          ? fromHonoException(error)
          : undefined;
    if (httpError) {
      for (const [name, value] of Object.entries(httpError.extra.headers ?? {})) c.header(name, value);
      if (httpError.status >= 500)
        logger.error("request failed", {
          method: c.req.method,
          path: c.req.path,
          code: httpError.code,
          message: httpError.message,
        });
      return c.json(httpError.toBody(), httpError.status);
    }
    logger.error("request failed unexpectedly", {
      method: c.req.method,
      path: c.req.path,
      error: error.name,
      message: error.message,
    });
    return c.json(
      { error: { code: "InternalError", message: "The console's server failed unexpectedly; see its log." } },
      500,
    );
  };
}
