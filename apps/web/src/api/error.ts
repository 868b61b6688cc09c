/**
 * The console's one error type: what the BFF answered (`{ error: { code, message, details?, requestId? } }`)
 * plus the HTTP status, or a network failure (status 0). Registered as react-query's `defaultError`, so
 * every query and mutation error is typed as this without casts.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiError;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads an error response into an {@link ApiError}, whatever its body (a proxy's HTML page included). */
export async function readError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return new ApiError(
    res.status,
    typeof error.code === "string" ? error.code : `Http${res.status}`,
    typeof error.message === "string" ? error.message : `The console's server answered ${res.status}.`,
    typeof error.requestId === "string" ? error.requestId : undefined,
    error.details,
  );
}

/** Runs a request; a failed `fetch` (server down, offline) becomes an ApiError with status 0. */
export async function send<R>(request: () => Promise<R>): Promise<R> {
  try {
    return await request();
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, "NetworkError", cause instanceof Error ? cause.message : String(cause));
  }
}
