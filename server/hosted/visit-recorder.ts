import type { Visit } from "./invitation-store";

/**
 * Collects visits in memory and writes them in batches, off the request path: recording never
 * waits for the warehouse, and a warehouse outage loses at most one bounded buffer of visits
 * (sales statistics, not data anyone queries) instead of slowing or failing a page.
 */

export interface VisitRecorderOptions {
  write: (visits: Visit[]) => Promise<void>;
  flushIntervalMs?: number;
  /** Above this many pending visits new ones are dropped (and counted) until a flush succeeds. */
  maxPending?: number;
  log?: (line: string) => void;
}

export class VisitRecorder {
  private pending: Visit[] = [];
  private dropped = 0;
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: VisitRecorderOptions) {
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 2_000);
    // A pending batch must not keep a test process or a shutting-down server alive.
    this.timer.unref();
  }

  record(visit: Visit): void {
    if (this.pending.length >= (this.options.maxPending ?? 5_000)) {
      this.dropped += 1;
      return;
    }
    this.pending.push(visit);
  }

  /** Writes what is pending; at most one write runs at a time. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.options
      .write(batch)
      .then(() => {
        if (this.dropped > 0) this.options.log?.(`[hosted] ${this.dropped} visits were dropped while the hosted database was unreachable`);
        this.dropped = 0;
      })
      .catch((error: unknown) => {
        this.dropped += batch.length;
        this.options.log?.(`[hosted] could not record ${batch.length} visits: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return this.flush();
  }
}
