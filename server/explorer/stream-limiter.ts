import { FomoError } from "../../lib/errors";

/**
 * Caps the live tails and searches one web server runs at once. A request over the cap is
 * refused (429, can retry) rather than queued: each holds a browser connection open.
 */
export class StreamLimiter {
  private active = 0;

  constructor(readonly max: number) {}

  get inUse(): number {
    return this.active;
  }

  /** Takes a slot; call the returned function exactly once when the stream ends. */
  acquire(): () => void {
    if (this.active >= this.max) {
      throw new FomoError(
        "rate_limit:explorer_streams",
        `Too many live tails and searches at once (limit ${this.max}); close one and try again`,
        { canRetry: true },
      );
    }
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
    };
  }
}
