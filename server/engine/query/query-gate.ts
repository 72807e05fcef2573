import { cancelledError } from "../../../lib/cancellation";
import { FomoError } from "../../../lib/errors";

/**
 * Lends a fixed set of resources (DuckDB connections) to at most `resources.length` queries at a
 * time; further queries wait in a bounded FIFO queue and are refused with `rate_limit:queue_full`
 * when it is full, so a burst slows down instead of exhausting memory. A query cancelled while it
 * waits leaves the queue at once (it never takes a resource).
 */
export class QueryGate<T> {
  private readonly idle: T[];
  private readonly capacity: number;
  private readonly waiting: ((resource: T) => void)[] = [];

  constructor(
    resources: T[],
    private readonly maxQueued: number,
  ) {
    this.idle = [...resources];
    this.capacity = resources.length;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get busy(): number {
    return this.capacity - this.idle.length;
  }

  async run<R>(task: (resource: T) => Promise<R>, signal?: AbortSignal): Promise<R> {
    const resource = await this.acquire(signal);
    try {
      return await task(resource);
    } finally {
      this.release(resource);
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError(signal.reason));
    const resource = this.idle.pop();
    if (resource !== undefined) return Promise.resolve(resource);
    if (this.waiting.length >= this.maxQueued) {
      return Promise.reject(
        new FomoError("rate_limit:queue_full", `Too many queries at once (${this.maxQueued} already waiting); try again shortly`, {
          canRetry: true,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(take);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(cancelledError(signal?.reason));
      };
      const take = (resource: T) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(resource);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(take);
    });
  }

  private release(resource: T): void {
    const next = this.waiting.shift();
    if (next) next(resource);
    else this.idle.push(resource);
  }
}
