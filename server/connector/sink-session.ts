import type { EachBatchPayload } from "../kafka/kafkajs-client";
import { toFomoError } from "../../lib/errors";
import { retryRetriable } from "../kafka/kafka-retries";
import { PURCHASES_TABLE } from "../warehouse/schema";
import { decodeWaitingForRegistry } from "./registry-wait";
import { settleTopicIncarnation } from "./settle-topic-incarnation";
import type { PartitionWatermarks } from "./sink-lag";
import { readSinkOffsets } from "./sink-offsets";
import { describeOffsets, sleep, type SinkContext } from "./sink-state";
import { resumePosition } from "./topic-incarnation";

export interface SinkSession {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Throws everything in memory away and starts again from the warehouse's offsets. */
  scheduleRestart(): void;
  /** Waits for a restart under way, if any. */
  settled(): Promise<void>;
  noticeNewIncarnation(reason: string): void;
  fetchWatermarks(): Promise<PartitionWatermarks[]>;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * The consuming side: one kafkajs consumer per session, seeked to the warehouse's offsets on every
 * assignment, feeding the buffer. Every session start settles the topic's incarnation first
 * (settle-topic-incarnation.ts), and a topic found re-created mid-session restarts the session.
 */
export function createSinkSession(ctx: SinkContext): SinkSession {
  const { options, log, session, lifecycle, clients, counters } = ctx;
  let restart: Promise<void> | undefined;
  let restartBackoffMs = 500;
  /** The high watermarks at session start, until the consumer has read up to them. */
  let catchUpTo: Map<number, number> | undefined;

  async function fetchWatermarks(): Promise<PartitionWatermarks[]> {
    const offsets = await retryRetriable(() => clients.admin!.fetchTopicOffsets(options.topic), 3);
    const value = offsets.map((entry) => ({ partition: entry.partition, low: Number(entry.low), high: Number(entry.high) }));
    counters.watermarks = { at: Date.now(), value };
    return value;
  }

  /** Session start: make the warehouse agree with the topic Kafka has now, then read from there. */
  async function settleIncarnation(): Promise<PartitionWatermarks[]> {
    const topicId = await clients.topicIds.topicId(options.topic);
    const marks = await fetchWatermarks();
    const settled = await settleTopicIncarnation(clients.pool!, {
      database: options.database,
      offsetsDatabase: options.offsetsDatabase,
      topic: options.topic,
      topicId,
      watermarks: marks,
    });
    session.topicId = topicId;
    if (settled.reset) {
      const { reason, rowsDeleted, discardedOffsets } = settled.reset;
      counters.incarnationReset = { at: new Date(), reason, rowsDeleted };
      counters.newestLoadedTimestampMs = undefined;
      log(
        `RESET: the warehouse was loaded from another incarnation of ${options.topic}: ${reason}. ` +
          `Deleted ${rowsDeleted} rows of the old topic from ${options.database}.${PURCHASES_TABLE} and its offsets ${describeOffsets(discardedOffsets)}; ` +
          `loading topic ID ${topicId} from its start`,
      );
    }
    if (settled.adoptedLegacyRows > 0) {
      log(
        `recorded topic ID ${topicId} on ${settled.adoptedLegacyRows} offset rows stored without one (all within the topic's high watermarks)`,
      );
    }
    for (const { partition } of marks) resumeFromWarehouse(partition, settled.offsets.get(partition), marks);
    return marks;
  }

  /**
   * The stored offset stays the fencing token; reading resumes there, or at the log start when
   * retention removed messages before they were loaded (same topic, so a gap, not a reset).
   */
  function resumeFromWarehouse(partition: number, storedNext: number | undefined, marks: PartitionWatermarks[]): void {
    const logStart = marks.find((mark) => mark.partition === partition)?.low ?? 0;
    const { offset, gap } = resumePosition(storedNext, logStart);
    if (storedNext === undefined) session.committed.delete(partition);
    else session.committed.set(partition, storedNext);
    session.expectedNext.set(partition, offset);
    if (gap > 0) {
      log(
        `GAP: retention removed ${gap} messages of ${options.topic}/${partition} before they were loaded (offsets ${storedNext}..${logStart - 1}); resuming at the log start ${logStart}`,
      );
    }
  }

  /** Mid-session: take no more messages and restart the session, whose start settles the topic. */
  function noticeNewIncarnation(reason: string): void {
    if (!session.incarnationChanged) {
      session.incarnationChanged = reason;
      log(`${reason}; dropping ${session.buffer.length} buffered messages and restarting the session`);
    }
    scheduleRestart();
  }

  async function onAssignment(partitions: number[]): Promise<void> {
    // kafkajs follows the topic by name: a re-created topic often shows up first as a rebalance.
    const topicId = await clients.topicIds.topicId(options.topic);
    if (topicId !== session.topicId) {
      noticeNewIncarnation(`${options.topic} now has topic ID ${topicId}, this session loads topic ID ${session.topicId ?? "(none)"}`);
      return;
    }
    const [stored, marks] = await Promise.all([
      (async () => {
        const connection = await clients.pool!.getConnection();
        try {
          return await readSinkOffsets(connection, options.offsetsDatabase, options.topic);
        } finally {
          connection.release();
        }
      })(),
      fetchWatermarks(),
    ]);
    for (const [partition, { topicId: storedId }] of stored) {
      if (storedId !== topicId) {
        noticeNewIncarnation(`sink offsets of ${options.topic}/${partition} count in topic ID ${storedId ?? "(none)"}, not ${topicId}`);
        return;
      }
    }
    const buffered = new Set(session.buffer.map((message) => message.partition));
    for (const partition of partitions) {
      // A partition with buffered messages keeps its position; otherwise the warehouse decides.
      if (buffered.has(partition) || ctx.hooks.isFlushing()) continue;
      resumeFromWarehouse(partition, stored.get(partition)?.next, marks);
    }
    for (const partition of partitions) {
      const next = session.expectedNext.get(partition);
      if (next !== undefined) session.consumer?.seek({ topic: options.topic, partition, offset: String(next) });
    }
    log(`assigned partitions [${partitions.join(",")}] at warehouse offsets ${describeOffsets(session.expectedNext)}`);
  }

  async function eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    await session.assignmentReady;
    if (!isRunning() || isStale() || !lifecycle.running || session.incarnationChanged) return;
    const partition = batch.partition;
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      const expected = session.expectedNext.get(partition);
      // Already loaded (or buffered): a re-delivery from before the seek took effect.
      if (expected !== undefined && offset < expected) continue;
      const timestampMs = Number(message.timestamp);
      const decoded = await decodeWaitingForRegistry(ctx, message.value, { heartbeat, isRunning, isStale });
      // Stopped or rebalanced while waiting: this message and the rest of the batch come again.
      if (decoded === undefined) return;
      const source = { key: message.key, value: message.value, timestamp: message.timestamp };
      if (decoded.ok) {
        session.buffer.push({ kind: "row", partition, offset, timestampMs, row: { ...decoded.value, partition, offset, source } });
      } else {
        session.buffer.push({
          kind: "dead",
          partition,
          offset,
          timestampMs,
          letter: { partition, offset, ...source, reason: decoded.reason },
        });
      }
      session.expectedNext.set(partition, offset + 1);
    }
    const last = batch.messages.at(-1);
    if (last) resolveOffset(last.offset);
    if (catchUpTo && [...catchUpTo].every(([p, high]) => (session.expectedNext.get(p) ?? 0) >= high)) {
      catchUpTo = undefined;
      ctx.hooks.scheduleFlush(0);
    }
    await heartbeat();
    // Size cap: flush now, and hold consumption while the warehouse cannot take more.
    while (session.buffer.length >= ctx.maxBuffered && lifecycle.running && isRunning()) {
      await ctx.hooks.flush();
      if (session.buffer.length >= ctx.maxBuffered) await sleep(Math.min(ctx.hooks.backoffMs(), 2_000));
      await heartbeat();
    }
  }

  async function start(): Promise<void> {
    session.buffer = [];
    session.committed.clear();
    session.expectedNext.clear();
    session.incarnationChanged = undefined;
    const marks = await settleIncarnation();
    // A (re)started pipeline loads what it missed as soon as it has read it, not an interval later.
    catchUpTo = new Map(
      marks
        .filter(({ partition, high }) => (session.expectedNext.get(partition) ?? 0) < high)
        .map(({ partition, high }) => [partition, high]),
    );
    if (catchUpTo.size === 0) catchUpTo = undefined;
    const sessionTimeout = options.sessionTimeoutMs ?? 10_000;
    const next = clients.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 6)),
      rebalanceTimeout: Math.max(sessionTimeout, 10_000),
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 4 * 1024 * 1024,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    session.consumer = next;
    next.on(next.events.GROUP_JOIN, ({ payload }) => {
      const partitions = payload.memberAssignment[options.topic] ?? [];
      session.consumerError = undefined;
      session.assignmentReady = onAssignment(partitions).catch((error: unknown) => {
        session.consumerError = `could not check the assignment against the warehouse offsets: ${toFomoError(error).message}`;
        scheduleRestart();
        throw error;
      });
      session.assignmentReady.catch(() => {});
    });
    next.on(next.events.CRASH, ({ payload }) => {
      session.consumerError = `consumer crashed: ${payload.error.message}`;
      log(`${session.consumerError} (${payload.restart ? "kafkajs restarts it" : "restarting the session"})`);
      if (!payload.restart) scheduleRestart();
    });
    await next.connect();
    await next.subscribe({ topic: options.topic, fromBeginning: true });
    await next.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch });
    ctx.hooks.scheduleFlush(options.flushIntervalMs);
  }

  async function stop(): Promise<void> {
    ctx.hooks.stopFlushTimer();
    if (ctx.hooks.isFlushing()) await ctx.hooks.flush().catch(() => {});
    const current = session.consumer;
    session.consumer = undefined;
    await current?.disconnect().catch(() => {});
    session.buffer = [];
    session.expectedNext.clear();
  }

  function scheduleRestart(): void {
    if (restart || lifecycle.closed) return;
    restart = (async () => {
      while (lifecycle.running && !lifecycle.closed) {
        await stop();
        await sleep(restartBackoffMs);
        if (!lifecycle.running || lifecycle.closed) break;
        try {
          await start();
          restartBackoffMs = 500;
          break;
        } catch (error) {
          session.consumerError = `could not restart consuming: ${toFomoError(error).message}`;
          log(session.consumerError);
          restartBackoffMs = Math.min(restartBackoffMs * 2, MAX_BACKOFF_MS);
        }
      }
    })().finally(() => {
      restart = undefined;
    });
  }

  return {
    start,
    stop,
    scheduleRestart,
    settled: async () => {
      await restart?.catch(() => {});
    },
    noticeNewIncarnation,
    fetchWatermarks,
  };
}
