import { cancelledError, throwIfCancelled } from "../../lib/cancellation";
import { FomoError } from "../../lib/errors";

/**
 * Runs at most `concurrency` tasks at once and, when more wait, starts them round-robin across
 * keys (visitors): one visitor with fifty queries waiting and another with one get turns in
 * alternation, so the second waits for about one query, not fifty. Within a key it is FIFO.
 * A key may also be held to `perKeyRunning` tasks at once and `perKeyWaiting` waiting (0: no limit);
 * the whole queue holds at most `maxWaiting`. A task whose signal aborts while it waits leaves the
 * queue at once (`cancelled:query`), so a cancelled query never holds a visitor's waiting place.
 */
export interface FairQueueOptions {
  concurrency: number;
  perKeyRunning?: number;
  perKeyWaiting?: number;
  maxWaiting?: number;
  /** What the queue serves, for messages ("the Kafka engine"). */
  label: string;
}

export interface FairQueueStats {
  running: number;
  waiting: number;
  /** Keys with something waiting. */
  waitingKeys: number;
}

interface Waiter {
  start: () => void;
}

/** How soon a refused visitor may try again: about one query's time. */
const RETRY_AFTER_MS = 1_000;
const DEFAULT_MAX_WAITING = 1_000;

export class FairQueue {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly runningByKey = new Map<string, number>();
  /** Keys with waiters, in turn order: a key that just had its turn goes to the back. */
  private ring: string[] = [];
  private running = 0;
  private waitingCount = 0;

  constructor(private readonly options: FairQueueOptions) {
    if (!(options.concurrency >= 1)) throw new FomoError("config:invalid", `${options.label}: concurrency must be at least 1`);
  }

  stats(): FairQueueStats {
    return { running: this.running, waiting: this.waitingCount, waitingKeys: this.ring.length };
  }

  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    throwIfCancelled(signal);
    await this.admit(key, signal);
    try {
      return await task();
    } finally {
      this.running -= 1;
      const left = (this.runningByKey.get(key) ?? 1) - 1;
      if (left > 0) this.runningByKey.set(key, left);
      else this.runningByKey.delete(key);
      this.dispatch();
    }
  }

  private admit(key: string, signal: AbortSignal | undefined): Promise<void> {
    const { perKeyWaiting = 0, maxWaiting = DEFAULT_MAX_WAITING, label } = this.options;
    const queue = this.waiting.get(key);
    if (!queue && this.running < this.options.concurrency && this.mayRun(key)) {
      this.started(key);
      return Promise.resolve();
    }
    if (perKeyWaiting > 0 && (queue?.length ?? 0) >= perKeyWaiting) {
      return Promise.reject(
        new FomoError(
          "rate_limit:queries_at_once",
          `Too many of your queries at once on ${label} (${perKeyWaiting} already waiting); retry when one has finished`,
          {
            canRetry: true,
            retryAfterMs: RETRY_AFTER_MS,
          },
        ),
      );
    }
    if (this.waitingCount >= maxWaiting) {
      return Promise.reject(
        new FomoError("rate_limit:queue_full", `${label} is busy (${maxWaiting} queries waiting); try again shortly`, {
          canRetry: true,
          retryAfterMs: RETRY_AFTER_MS,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.leave(key, waiter);
        reject(cancelledError(signal?.reason));
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const current = this.waiting.get(key);
      if (current) current.push(waiter);
      else {
        this.waiting.set(key, [waiter]);
        this.ring.push(key);
      }
      this.waitingCount += 1;
      this.dispatch();
    });
  }

  /** Takes a waiter that gave up out of its key's queue (and the key out of the ring when it was its last). */
  private leave(key: string, waiter: Waiter): void {
    const queue = this.waiting.get(key);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index < 0) return;
    queue.splice(index, 1);
    this.waitingCount -= 1;
    if (queue.length === 0) {
      this.waiting.delete(key);
      this.ring = this.ring.filter((ringKey) => ringKey !== key);
    }
  }

  private mayRun(key: string): boolean {
    const limit = this.options.perKeyRunning ?? 0;
    return limit <= 0 || (this.runningByKey.get(key) ?? 0) < limit;
  }

  private started(key: string): void {
    this.running += 1;
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
  }

  /** Gives free slots to the keys in turn; a key at its own limit keeps its place and is skipped. */
  private dispatch(): void {
    let skipped = 0;
    while (this.running < this.options.concurrency && skipped < this.ring.length) {
      const key = this.ring.shift() as string;
      const queue = this.waiting.get(key) as Waiter[];
      if (!this.mayRun(key)) {
        this.ring.push(key);
        skipped += 1;
        continue;
      }
      skipped = 0;
      const waiter = queue.shift() as Waiter;
      this.waitingCount -= 1;
      if (queue.length > 0) this.ring.push(key);
      else this.waiting.delete(key);
      this.started(key);
      waiter.start();
    }
  }
}
