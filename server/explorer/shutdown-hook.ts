const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs `close` when the process is asked to stop. Next's own server already listens for these
 * signals and exits; when nobody else does, the signal is raised again after closing so the
 * default "terminate" still happens.
 */
export function closeOnShutdown(close: () => Promise<void>): void {
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      const othersListening = process.listenerCount(signal) > 0;
      const closing = Promise.race([close(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      if (!othersListening) void closing.finally(() => process.kill(process.pid, signal));
    });
  }
  process.once("beforeExit", () => void close());
}
