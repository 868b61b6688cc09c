import {
  type ApiErrorBody,
  type ErrorCode,
  type ErrorDetails,
  errorStatus,
} from "@style-console/contract/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../platform/logger.ts";

export type { ApiErrorBody } from "@style-console/contract/errors";

/** What an {@link HttpError} carries besides its code and message. */
export interface HttpErrorExtra<C extends ErrorCode> {
  details?: ErrorDetails<C>;
  /** The OSS request id when OSS was involved. */
  requestId?: string;
  headers?: Record<string, string>;
  /** What went wrong underneath (an OssError, a RenderError); logged, never sent. */
  cause?: unknown;
}

/**
 * The BFF's one HTTP error type: routes and services throw it, {@link createErrorHandler} turns it into
 * the JSON body `{ error: { code, message, details?, requestId? } }`. The status comes from the code's row
 * in the contract's `API_ERRORS`, so a code always answers the same status; `details` is typed per code.
 * @example
 * throw new HttpError("NoSuchStyle", `Bucket "photos" has no style named "thumb".`);
 */
export class HttpError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: C;
  readonly extra: HttpErrorExtra<C>;

  constructor(code: C, message: string, extra: HttpErrorExtra<C> = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "HttpError";
    this.code = code;
    // 499 (client closed the request) is not in Hono's list; it is never written to a live client anyway.
    this.status = errorStatus(code) as ContentfulStatusCode;
    this.extra = extra;
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
    } as ApiErrorBody;
  }
}

// Hono's own exceptions (malformed JSON from the validator, for one) get our codes and shape.
function fromHonoException(error: HTTPException): HttpError {
  if (error.status === 413) return new HttpError("PayloadTooLarge", "The request body is too large.");
  if (error.status === 400 && /json/i.test(error.message)) {
    return new HttpError("MalformedJson", "The request body is not valid JSON.", { cause: error });
  }
  return new HttpError("BadRequest", error.message || "The request was rejected.", { cause: error });
}

/** The `cause` log field: what went wrong underneath (an OssError, a RenderError), when there is one. */
const causeField = (error: Error): { cause?: string } =>
  error.cause instanceof Error ? { cause: `${error.cause.name}: ${error.cause.message}` } : {};

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
          ...causeField(httpError),
        });
      return c.json(httpError.toBody(), httpError.status);
    }
    logger.error("request failed unexpectedly", {
      method: c.req.method,
      path: c.req.path,
      error: error.name,
      message: error.message,
      ...causeField(error),
    });
    return c.json(
      { error: { code: "InternalError", message: "The console's server failed unexpectedly; see its log." } },
      500,
    );
  };
}
