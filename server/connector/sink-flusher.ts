import { FomoError, toFomoError } from "../../lib/errors";
import { flushTransaction } from "./flush-transaction";
import { planBatch } from "./sink-buffer";
import { describeOffsets, type FlushFailure, type SinkContext } from "./sink-state";

export interface SinkFlusher {
  flush(): Promise<void>;
  isFlushing(): boolean;
  scheduleFlush(delayMs: number): void;
  stopTimer(): void;
  backoffMs(): number;
  failure(): FlushFailure | undefined;
  /** When the scheduled flush fires (undefined while none is scheduled, e.g. stopped or flushing now). */
  nextFlushAt(): Date | undefined;
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/**
 * The loading side: every interval (or when the buffer is full) takes the buffer and loads it in
 * one warehouse transaction with its dead letters and offsets (flush-transaction.ts). A flush that
 * fails keeps its messages, in order, and is tried again with exponential backoff (0.5 s … 30 s);
 * the run of failures (cause, since, attempts, next try) is what status reports.
 */
export function createSinkFlusher(ctx: SinkContext): SinkFlusher {
  const { options, log, session, lifecycle, clients, counters } = ctx;
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timerAt: Date | undefined;
  let failure: FlushFailure | undefined;

  const backoffMs = () => (failure ? Math.min(MIN_BACKOFF_MS * 2 ** (failure.attempts - 1), MAX_BACKOFF_MS) : MIN_BACKOFF_MS);

  function scheduleFlush(delayMs: number): void {
    if (timer) clearTimeout(timer);
    timerAt = new Date(Date.now() + delayMs);
    if (failure) failure.nextRetryAt = timerAt;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = undefined;
      if (!lifecycle.running) return;
      void flush().then(() => {
        if (lifecycle.running && !timer) scheduleFlush(failure ? backoffMs() : options.flushIntervalMs);
      });
    }, delayMs);
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  function recordFailure(cause: string): void {
    failure = failure
      ? { ...failure, cause, attempts: failure.attempts + 1, nextRetryAt: undefined }
      : { cause, since: new Date(), attempts: 1, nextRetryAt: undefined };
    log(`${cause} (attempt ${failure.attempts}, next in ${(backoffMs() / 1000).toFixed(1)} s)`);
  }

  async function flushOnce(): Promise<void> {
    if (session.incarnationChanged) {
      // The restart asked for may have been swallowed by one already under way: ask again.
      ctx.hooks.scheduleSessionRestart();
      return;
    }
    const taken = session.buffer;
    session.buffer = [];
    const batch = planBatch(taken);
    const expectedOffsets = new Map<number, number | undefined>();
    for (const partition of batch.nextOffsets.keys()) expectedOffsets.set(partition, session.committed.get(partition));
    const started = performance.now();
    let rejected = 0;
    try {
      // Asked after taking the buffer: if the topic still has the session's ID now, it had it while
      // every taken message was fetched (a re-created topic never gets an old ID back).
      const topicId = await clients.topicIds.topicId(options.topic);
      if (topicId !== session.topicId) {
        throw new FomoError(
          "internal:sink_topic_changed",
          `${options.topic} now has topic ID ${topicId}, but this session loads topic ID ${session.topicId ?? "(none)"}`,
        );
      }
      if (taken.length > 0) {
        const outcome = await flushTransaction(clients.pool!, {
          database: options.database,
          offsetsDatabase: options.offsetsDatabase,
          topic: options.topic,
          topicId,
          rows: batch.rows,
          deadLetters: batch.deadLetters,
          maxAllowedPacket: clients.maxAllowedPacket,
          expectedOffsets,
          nextOffsets: batch.nextOffsets,
        });
        rejected = outcome.rejected.length;
      }
    } catch (error) {
      const wrapped = toFomoError(error, "unavailable:warehouse");
      if (wrapped.code === "internal:sink_topic_changed") {
        // The taken messages may come from either incarnation: drop them, the restart decides.
        ctx.hooks.noticeNewIncarnation(wrapped.message);
        return;
      }
      if (wrapped.code === "internal:sink_offsets_moved") {
        recordFailure(`${wrapped.message}; reloading from the warehouse offsets`);
        ctx.hooks.scheduleSessionRestart();
        return;
      }
      // Keep the messages, in order, ahead of anything consumed meanwhile, and try again later.
      session.buffer = taken.concat(session.buffer);
      recordFailure(
        `${wrapped.code === "unavailable:kafka" ? "flush held back" : "warehouse flush failed"} (${batch.rows.length} rows kept, retrying): ${wrapped.message}`,
      );
      return;
    }
    if (failure) log(`flushes succeed again after ${failure.attempts} failed attempts since ${failure.since.toISOString()}`);
    failure = undefined;
    counters.lastFlushMs = performance.now() - started;
    counters.lastFlushAt = new Date();
    if (taken.length === 0) return;
    for (const [partition, next] of batch.nextOffsets) session.committed.set(partition, next);
    const letters = batch.deadLetters.length + rejected;
    counters.rowsLoaded += batch.rows.length - rejected;
    counters.deadLettered += letters;
    counters.lastFlushRows = batch.rows.length - rejected;
    if (batch.newestTimestampMs !== undefined)
      counters.newestLoadedTimestampMs = Math.max(counters.newestLoadedTimestampMs ?? 0, batch.newestTimestampMs);
    if (letters > 0) ctx.hooks.deadLettersWritten();
    log(
      `flushed ${batch.rows.length - rejected} rows${letters ? ` and ${letters} dead letters${rejected ? ` (${rejected} refused by the warehouse)` : ""} to the outbox` : ""} in ${counters.lastFlushMs.toFixed(0)} ms; offsets ${describeOffsets(session.committed)}`,
    );
    // Mirror the warehouse offsets into the consumer group so Kafka tools show the same lag.
    await session.consumer
      ?.commitOffsets([...batch.nextOffsets].map(([partition, next]) => ({ topic: options.topic, partition, offset: String(next) })))
      .catch((error: unknown) => log(`could not mirror offsets to Kafka (harmless): ${toFomoError(error).message}`));
  }

  return {
    flush,
    isFlushing: () => flushing !== undefined,
    scheduleFlush,
    stopTimer() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerAt = undefined;
      if (failure) failure.nextRetryAt = undefined;
    },
    backoffMs,
    failure: () => failure,
    nextFlushAt: () => timerAt,
  };
}
