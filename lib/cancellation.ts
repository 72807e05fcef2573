import { FomoError } from "./errors";

/**
 * How a running query learns that its caller gave up: an AbortSignal, threaded from the browser's
 * fetch (or the cancel endpoint) down to the engine's interrupt and the warehouse's KILL QUERY.
 * Every layer fails with the same `cancelled:query`, so a cancel is never mistaken for an error.
 */

export const CANCELLED_CODE = "cancelled:query" as const;

export function cancelledError(cause?: unknown): FomoError {
  return new FomoError(CANCELLED_CODE, "The query was cancelled", { cause });
}

export function isCancelled(error: unknown): boolean {
  return error instanceof FomoError && error.code === CANCELLED_CODE;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError(signal.reason);
}

/**
 * Settles like `work`, unless `signal` aborts first: then it rejects with `cancelled:query` at once
 * and `work` is left to finish on its own (callers pass work that ends by itself or frees nothing).
 */
export function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(cancelledError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
