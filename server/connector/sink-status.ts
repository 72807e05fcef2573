import { toFomoError } from "../../lib/errors";
import type { DeadLetterRelayState } from "./dead-letter-relay";
import { lagMessages, lagSeconds, type PartitionWatermarks } from "./sink-lag";
import type { FlushFailure, SinkContext } from "./sink-state";
import type { WarehouseSinkStatus } from "./warehouse-sink-options";

const WATERMARK_CACHE_MS = 1_000;

async function currentWatermarks(
  ctx: SinkContext,
  fetch: () => Promise<PartitionWatermarks[]>,
): Promise<PartitionWatermarks[] | undefined> {
  const { counters } = ctx;
  if (counters.watermarks && Date.now() - counters.watermarks.at < WATERMARK_CACHE_MS) return counters.watermarks.value;
  try {
    await fetch();
    counters.kafkaError = undefined;
  } catch (error) {
    counters.kafkaError = `Kafka unreachable: ${toFomoError(error).message}`;
  }
  return counters.watermarks?.value;
}

/**
 * The sink's status. Failing flushes come first and make it unhealthy, with a detail that starts
 * `pipeline failing: <cause>`, so every screen that shows the detail tells the truth; a failing
 * dead-letter relay is reported but does not stop loading, so it is not the pipeline failing.
 */
export async function sinkStatus(
  ctx: SinkContext,
  failure: FlushFailure | undefined,
  relay: DeadLetterRelayState | undefined,
  fetchWatermarks: () => Promise<PartitionWatermarks[]>,
  nextFlushAt?: Date,
): Promise<WarehouseSinkStatus> {
  const { options, session, counters, lifecycle } = ctx;
  const marks = await currentWatermarks(ctx, fetchWatermarks);
  const lag = marks ? lagMessages(marks, session.committed) : 0;
  const oldestBuffered =
    session.buffer.length > 0 ? Math.min(...session.buffer.slice(0, 1000).map((message) => message.timestampMs)) : undefined;
  const wait = session.registryWait;
  const registryNote = wait
    ? `waiting for the schema registry since ${wait.since.toISOString()} (consuming paused at a message it must decode, nothing dead-lettered): ${wait.reason}`
    : undefined;
  const cause = lifecycle.running ? (failure?.cause ?? session.consumerError ?? registryNote ?? counters.kafkaError) : counters.kafkaError;
  const committedOffsets: Record<string, number> = {};
  for (const [partition, next] of [...session.committed].sort((a, b) => a[0] - b[0])) committedOffsets[String(partition)] = next;
  // Explains a sudden drop of warehouse rows on /api/status.
  const reset = counters.incarnationReset;
  const resetNote = reset
    ? `; reset at ${reset.at.toISOString()} for a new incarnation of ${options.topic} (${reset.rowsDeleted} old rows deleted)`
    : "";
  const relayNote = relay?.failure ? `; dead-letter topic unreachable, ${relay.pending} letters kept in the outbox: ${relay.failure}` : "";
  const healthyDetail = lifecycle.running
    ? `loading ${options.topic} every ${options.flushIntervalMs / 1000} s; ${counters.rowsLoaded} rows loaded, ${lag} messages behind`
    : `stopped: the warehouse is frozen at ${Object.values(committedOffsets).reduce((a, b) => a + b, 0)} messages, ${lag} behind`;
  return {
    running: lifecycle.running,
    healthy: cause === undefined,
    detail: (cause === undefined ? healthyDetail : `pipeline failing: ${cause}`) + relayNote + resetNote,
    rowsLoaded: counters.rowsLoaded,
    deadLettered: counters.deadLettered,
    bufferedMessages: session.buffer.length,
    committedOffsets,
    lagMessages: lag,
    lagSeconds: lagSeconds({
      lagMessages: lag,
      nowMs: Date.now(),
      oldestBufferedTimestampMs: oldestBuffered,
      newestLoadedTimestampMs: counters.newestLoadedTimestampMs,
      sinceMs: counters.startedAt,
    }),
    lastFlushAt: counters.lastFlushAt?.toISOString() ?? null,
    lastFlushRows: counters.lastFlushRows,
    lastFlushMs: counters.lastFlushMs,
    flushIntervalMs: options.flushIntervalMs,
    incarnationReset: reset ? { ...reset, at: reset.at.toISOString() } : null,
    failure: cause ?? null,
    failingSince: cause === undefined ? null : (failure?.since.toISOString() ?? null),
    flushAttempts: failure?.attempts ?? 0,
    nextRetryAt: failure?.nextRetryAt?.toISOString() ?? null,
    // A retry after a failure is nextRetryAt; this is the regular schedule only, so "next batch in N s" is never a retry.
    nextFlushAt: lifecycle.running && !failure && nextFlushAt ? nextFlushAt.toISOString() : null,
    deadLettersPending: relay?.pending ?? 0,
    deadLetterFailure: relay?.failure ?? null,
    waitingForRegistry: lifecycle.running && wait ? wait.reason : null,
  };
}
