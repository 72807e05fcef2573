import { setTimeout as sleep } from "node:timers/promises";
import { FomoError, type ErrorCode } from "../../../lib/errors";

export interface WaitUntilOptions {
  /** What is awaited, for the timeout message ("Kafka broker to accept clients"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Checked between attempts: a process that already died makes waiting pointless. */
  abortIf?: () => string | undefined;
  code?: ErrorCode;
  hint?: string;
}

/** Polls `probe` until it returns true; throws a FomoError naming `what` on timeout or abort. */
export async function waitUntil(probe: () => Promise<boolean>, options: WaitUntilOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = options.abortIf?.();
    if (aborted) throw new FomoError(options.code ?? "stack:service_failed", `${aborted}${options.hint ? `. ${options.hint}` : ""}`);
    try {
      if (await probe()) return;
    } catch (error) {
      // A refused login or a bad certificate does not fix itself: no point waiting for the deadline.
      if (error instanceof FomoError && error.kind === "config") throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new FomoError(
        options.code ?? "stack:service_failed",
        `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.what}${reason}.${options.hint ? ` ${options.hint}` : ""}`,
        { cause: lastError },
      );
    }
    await sleep(options.intervalMs ?? 250);
  }
}

/** Rejects with a timeout FomoError when `promise` does not settle within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FomoError("timeout:operation", `${what} did not answer within ${ms} ms`, { canRetry: true })), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
