import { FomoError } from "../../lib/errors";

/**
 * Each visitor's queries per minute, counted over a sliding minute (the start times of their last
 * queries): a burst of `limit` is fine, the next one waits until the oldest leaves the window, and
 * the refusal says exactly when that is. In memory, per web server (see the README on several
 * instances). A limit of 0 turns it off.
 */
const WINDOW_MS = 60_000;
/** Forget visitors idle for a whole window now and then, so the map does not grow with every visitor ever seen. */
const SWEEP_EVERY = 1_000;

export class QueriesPerMinute {
  private readonly starts = new Map<string, number[]>();
  private takes = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one query of `key`, or throws `rate_limit:queries_per_minute` with `retryAfterMs`. */
  take(key: string): void {
    if (this.limit <= 0) return;
    const now = this.now();
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now);
    const recent = (this.starts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.limit) {
      this.starts.set(key, recent);
      const retryAfterMs = Math.max(1, (recent[recent.length - this.limit] as number) + WINDOW_MS - now);
      throw new FomoError(
        "rate_limit:queries_per_minute",
        `Too many queries: at most ${this.limit} per minute per visitor; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
        { canRetry: true, retryAfterMs },
      );
    }
    recent.push(now);
    this.starts.set(key, recent);
  }

  private sweep(now: number): void {
    for (const [key, starts] of this.starts) {
      if ((starts.at(-1) ?? 0) <= now - WINDOW_MS) this.starts.delete(key);
    }
  }
}
