/**
 * One error class for the whole codebase. The code is `<kind>:<subject>`, e.g. `bad_request:query`,
 * `sandbox:forbidden_statement`, `stack:missing_prerequisite`. The kind decides the HTTP status.
 * Safe to import from both server and browser code (no Node APIs).
 */
export type ErrorKind =
  "bad_request" | "sandbox" | "not_found" | "timeout" | "cancelled" | "rate_limit" | "unavailable" | "config" | "stack" | "internal";

export type ErrorCode = `${ErrorKind}:${string}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  sandbox: 403,
  not_found: 404,
  timeout: 408,
  // The caller gave up on the request (nginx's "client closed request"); rarely read by anyone.
  cancelled: 499,
  rate_limit: 429,
  unavailable: 503,
  config: 500,
  stack: 500,
  internal: 500,
};

export interface FomoErrorOptions {
  cause?: unknown;
  /** Whether the same operation may succeed if tried again (a broker restarting, a full queue). */
  canRetry?: boolean;
  /** 1-based position in the SQL text, when the parser gives one. */
  line?: number;
  column?: number;
  /** For `rate_limit:*`: when trying again can succeed, in ms (sent as `retryAfterMs` and `Retry-After`). */
  retryAfterMs?: number;
}

export class FomoError extends Error {
  readonly code: ErrorCode;
  readonly canRetry: boolean;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: FomoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FomoError";
    this.code = code;
    this.canRetry = options.canRetry ?? false;
    this.line = options.line;
    this.column = options.column;
    this.retryAfterMs = options.retryAfterMs;
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }

  get httpStatus(): number {
    return statusByKind[this.kind] ?? 500;
  }

  /** The body every API returns for an error: `{ error: { code, message, line?, column?, retryAfterMs? } }`. */
  toResponseBody(): { error: { code: string; message: string; line?: number; column?: number; retryAfterMs?: number } } {
    const body: { code: string; message: string; line?: number; column?: number; retryAfterMs?: number } = {
      code: this.code,
      message: this.message,
    };
    if (this.line !== undefined) body.line = this.line;
    if (this.column !== undefined) body.column = this.column;
    if (this.retryAfterMs !== undefined) body.retryAfterMs = this.retryAfterMs;
    return { error: body };
  }
}

export function isFomoError(value: unknown): value is FomoError {
  return value instanceof FomoError;
}

/** Wraps anything thrown into a FomoError without losing it (kept as `cause`). */
export function toFomoError(value: unknown, fallbackCode: ErrorCode = "internal:unexpected"): FomoError {
  if (value instanceof FomoError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new FomoError(fallbackCode, message, { cause: value });
}
