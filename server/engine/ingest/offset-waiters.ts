import type { TopicState } from "./topic-state";

/** Offsets a caller needs ingested: topic → partition → offset (exclusive). */
export type OffsetTargets = Map<string, Map<number, bigint>>;

interface Waiter {
  isSatisfied: () => boolean;
  resolve: () => void;
}

/** Callers waiting for ingest to reach offsets (queries waiting for their snapshot). */
export class OffsetWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly topics: ReadonlyMap<string, TopicState>) {}

  /** Resolves once every target offset is ingested; false when the deadline passes first. */
  waitFor(targets: OffsetTargets, timeoutMs: number): Promise<boolean> {
    const isSatisfied = () => {
      for (const [topic, partitions] of targets) {
        const state = this.topics.get(topic);
        for (const [partition, offset] of partitions) {
          const ingested = state?.partitions[partition]?.nextOffset;
          if (ingested === undefined || ingested < offset) return false;
        }
      }
      return true;
    };
    if (isSatisfied()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        isSatisfied,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Called after ingest moved: resolves every waiter whose offsets are reached. */
  notify(): void {
    for (const waiter of this.waiters) if (waiter.isSatisfied()) waiter.resolve();
  }
}
