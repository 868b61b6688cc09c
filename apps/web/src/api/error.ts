import { type ApiErrorBody, isErrorCode, readApiError } from "@style-console/contract/errors";

/** The BFF's error body, typed by the contract: narrow on `code` to read that code's `details`. */
export type ApiErrorInfo = ApiErrorBody["error"];

/**
 * The console's one error type: what the BFF answered (`{ error: { code, message, details?, requestId? } }`)
 * plus the HTTP status, or a network failure (status 0). Registered as react-query's `defaultError`, so
 * every query and mutation error is typed as this without casts.
 */
export class ApiError extends Error {
  /** The body as the contract types it, when `code` is one of the API's; undefined for network failures. */
  readonly body: ApiErrorInfo | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
    this.body = isErrorCode(code)
      ? readApiError({ error: { code, message, details, ...(requestId ? { requestId } : {}) } })
      : undefined;
  }
}

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiError;
  }
}

/** Reads an error response into an {@link ApiError}, whatever its body (a proxy's HTML page included). */
export async function readError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = readApiError(body);
  if (!error)
    return new ApiError(res.status, `Http${res.status}`, `The console's server answered ${res.status}.`);
  return new ApiError(res.status, error.code, error.message, error.requestId, error.details);
}

/** Runs a request; a failed `fetch` (server down, offline) becomes an ApiError with status 0. */
export async function send<R>(request: () => Promise<R>): Promise<R> {
  try {
    return await request();
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(
      0,
      "NetworkError",
      cause instanceof Error ? cause.message : String(cause),
      undefined,
      undefined,
      {
        cause,
      },
    );
  }
}
