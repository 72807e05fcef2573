import mysql, { type ConnectionOptions, type Pool } from "mysql2/promise";
import { Partitioners, type Admin, type Consumer, type EachBatchPayload, type Producer } from "kafkajs";
import { FomoError, toFomoError } from "../../lib/errors";
import { PURCHASES_TABLE, PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { createKafka, ensureTopic, retryRetriable } from "../generator/kafka-client";
import { sendDeadLetters } from "./dead-letter";
import { flushTransaction } from "./flush-transaction";
import { decodePurchase } from "./purchase-record";
import { planBatch, type BufferedMessage } from "./sink-buffer";
import { settleTopicIncarnation } from "./settle-topic-incarnation";
import { lagMessages, lagSeconds, type PartitionWatermarks } from "./sink-lag";
import { ensureSinkOffsetsTable, readSinkOffsets, type StoredSinkOffset } from "./sink-offsets";
import { createTopicIdReader } from "./topic-id-reader";
import { resumePosition } from "./topic-incarnation";

export interface WarehouseSinkOptions {
  brokers: string[];
  /** Writer account (host/port or socket, user, password); every statement names its database. */
  mysql: ConnectionOptions;
  /** Warehouse database holding `purchases`. */
  database: string;
  /** The connector's private database holding `sink_offsets`. */
  offsetsDatabase: string;
  topic: string;
  dlqTopic: string;
  groupId: string;
  flushIntervalMs: number;
  /** Flush early once this many messages are buffered; consumption waits while over it. */
  maxBufferedMessages?: number;
  /** Consumer group session timeout (how long a killed connector's membership lingers). */
  sessionTimeoutMs?: number;
  clientId?: string;
  log?: (message: string) => void;
}

export interface WarehouseSinkStatus {
  running: boolean;
  healthy: boolean;
  detail: string;
  rowsLoaded: number;
  deadLettered: number;
  bufferedMessages: number;
  /** Next offset per partition as stored in the warehouse (what is loaded, exactly once). */
  committedOffsets: Record<string, number>;
  lagMessages: number;
  lagSeconds: number;
  lastFlushAt: string | null;
  lastFlushRows: number;
  lastFlushMs: number;
  flushIntervalMs: number;
  /**
   * The last time this process found the warehouse loaded from another incarnation of the topic
   * (deleted and re-created, another broker) and reset it: why, and how many old rows it deleted.
   */
  incarnationReset: { at: string; reason: string; rowsDeleted: number } | null;
}

export interface WarehouseSink {
  /** Prepares tables and clients, then starts loading. */
  start(): Promise<void>;
  /** "Stop the pipeline": no more consuming or flushing; keeps reporting (lag grows). */
  stopLoading(): Promise<void>;
  /** Resumes loading from the warehouse's offsets. */
  startLoading(): Promise<void>;
  /** Flushes what is buffered now (tests); resolves when it is committed. */
  flushNow(): Promise<void>;
  status(): Promise<WarehouseSinkStatus>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_BACKOFF_MS = 30_000;
const WATERMARK_CACHE_MS = 1_000;

/**
 * Our JDBC-sink equivalent: Kafka `topic` → warehouse `purchases`, exactly once.
 *
 * The warehouse is the source of truth for progress: each flush is one transaction that inserts
 * the rows and moves `sink_offsets`, and every (re)assignment seeks to those offsets. Messages
 * below them are skipped (they are loaded), so a crash at any instant — before COMMIT, after COMMIT
 * but before the Kafka commit, mid-batch — neither loses nor duplicates a row. The Kafka commit
 * that follows each flush only makes the lag visible to Kafka tools.
 *
 * Offsets only mean something in the incarnation of the topic they were counted in, so they are
 * stored with its Kafka topic ID: each session starts by settling that (settle-topic-incarnation.ts:
 * another incarnation's rows and offsets are deleted and the topic loads from its start), and each
 * assignment and each flush checks the topic ID again, so a topic re-created under a running
 * connector restarts the session instead of being read as a continuation of the old one.
 */
export function createWarehouseSink(options: WarehouseSinkOptions): WarehouseSink {
  const log = options.log ?? (() => {});
  const maxBuffered = options.maxBufferedMessages ?? 10_000;
  const kafka = createKafka(options.brokers, options.clientId ?? "fomo-connector");
  const topicIds = createTopicIdReader(options.brokers, `${options.clientId ?? "fomo-connector"}-topic-ids`);
  let pool: Pool | undefined;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  let running = false;
  let closed = false;
  let buffer: BufferedMessage[] = [];
  /** Warehouse offsets as last read or written by us: the fencing token of the next flush. */
  const committed = new Map<number, number>();
  /** Next offset to accept per partition (past what is loaded and buffered). */
  const expectedNext = new Map<number, number>();
  let assignmentReady: Promise<void> = Promise.resolve();
  let flushing: Promise<void> | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  let sessionRestart: Promise<void> | undefined;
  let backoffMs = 500;
  /** The topic ID this session loads (settled at its start); every flush is checked against it. */
  let sessionTopicId: string | undefined;
  /** Set when this session finds the topic re-created: it takes no more messages until restarted. */
  let incarnationChanged: string | undefined;
  let incarnationReset: { at: Date; reason: string; rowsDeleted: number } | undefined;

  let rowsLoaded = 0;
  let deadLettered = 0;
  let lastFlushAt: Date | null = null;
  let lastFlushRows = 0;
  let lastFlushMs = 0;
  let newestLoadedTimestampMs: number | undefined;
  let flushError: string | undefined;
  let consumerError: string | undefined;
  let kafkaError: string | undefined;
  const startedAt = Date.now();
  let watermarks: { at: number; value: PartitionWatermarks[] } | undefined;

  async function withConnection<T>(work: (connection: mysql.PoolConnection) => Promise<T>): Promise<T> {
    const connection = await pool!.getConnection();
    try {
      return await work(connection);
    } finally {
      connection.release();
    }
  }

  async function prepareWarehouse(): Promise<void> {
    await withConnection(async (connection) => {
      await connection.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(options.offsetsDatabase)}`);
      await ensureSinkOffsetsTable(connection, options.offsetsDatabase);
      await connection.query(`USE ${quoteIdentifier(options.database)}`);
      await connection.query(PURCHASES_TABLE_DDL);
    });
  }

  async function readWarehouseOffsets(): Promise<Map<number, StoredSinkOffset>> {
    return withConnection((connection) => readSinkOffsets(connection, options.offsetsDatabase, options.topic));
  }

  async function fetchWatermarks(): Promise<PartitionWatermarks[]> {
    const offsets = await retryRetriable(() => admin!.fetchTopicOffsets(options.topic), 3);
    const value = offsets.map((entry) => ({ partition: entry.partition, low: Number(entry.low), high: Number(entry.high) }));
    watermarks = { at: Date.now(), value };
    return value;
  }

  // ---- incarnations -----------------------------------------------------------------------------

  /** Session start: make the warehouse agree with the topic Kafka has now, then read from there. */
  async function settleIncarnation(): Promise<void> {
    const topicId = await topicIds.topicId(options.topic);
    const marks = await fetchWatermarks();
    const settled = await settleTopicIncarnation(pool!, {
      database: options.database,
      offsetsDatabase: options.offsetsDatabase,
      topic: options.topic,
      topicId,
      watermarks: marks,
    });
    sessionTopicId = topicId;
    if (settled.reset) {
      const { reason, rowsDeleted, discardedOffsets } = settled.reset;
      incarnationReset = { at: new Date(), reason, rowsDeleted };
      newestLoadedTimestampMs = undefined;
      log(
        `RESET: the warehouse was loaded from another incarnation of ${options.topic}: ${reason}. ` +
          `Deleted ${rowsDeleted} rows of the old topic from ${options.database}.${PURCHASES_TABLE} and its offsets ${describeOffsets(discardedOffsets)}; ` +
          `loading topic ID ${topicId} from its start`,
      );
    }
    if (settled.adoptedLegacyRows > 0) {
      log(`recorded topic ID ${topicId} on ${settled.adoptedLegacyRows} offset rows stored without one (all within the topic's high watermarks)`);
    }
    for (const { partition } of marks) resumeFromWarehouse(partition, settled.offsets.get(partition), marks);
  }

  /**
   * The stored offset stays the fencing token; reading resumes there, or at the log start when
   * retention removed messages before they were loaded (same topic, so a gap, not a reset).
   */
  function resumeFromWarehouse(partition: number, storedNext: number | undefined, marks: PartitionWatermarks[]): void {
    const logStart = marks.find((mark) => mark.partition === partition)?.low ?? 0;
    const { offset, gap } = resumePosition(storedNext, logStart);
    if (storedNext === undefined) committed.delete(partition);
    else committed.set(partition, storedNext);
    expectedNext.set(partition, offset);
    if (gap > 0) {
      log(
        `GAP: retention removed ${gap} messages of ${options.topic}/${partition} before they were loaded (offsets ${storedNext}..${logStart - 1}); resuming at the log start ${logStart}`,
      );
    }
  }

  /** Mid-session: take no more messages and restart the session, whose start settles the topic. */
  function noticeNewIncarnation(reason: string): void {
    if (!incarnationChanged) {
      incarnationChanged = reason;
      log(`${reason}; dropping ${buffer.length} buffered messages and restarting the session`);
    }
    scheduleSessionRestart();
  }

  // ---- consuming --------------------------------------------------------------------------------

  async function onAssignment(partitions: number[]): Promise<void> {
    // kafkajs follows the topic by name: a re-created topic often shows up first as a rebalance.
    const topicId = await topicIds.topicId(options.topic);
    if (topicId !== sessionTopicId) {
      noticeNewIncarnation(`${options.topic} now has topic ID ${topicId}, this session loads topic ID ${sessionTopicId ?? "(none)"}`);
      return;
    }
    const [stored, marks] = await Promise.all([readWarehouseOffsets(), fetchWatermarks()]);
    for (const [partition, { topicId: storedId }] of stored) {
      if (storedId !== topicId) {
        noticeNewIncarnation(`sink offsets of ${options.topic}/${partition} count in topic ID ${storedId ?? "(none)"}, not ${topicId}`);
        return;
      }
    }
    const buffered = new Set(buffer.map((message) => message.partition));
    for (const partition of partitions) {
      // A partition with buffered messages keeps its position; otherwise the warehouse decides.
      if (buffered.has(partition) || flushing) continue;
      resumeFromWarehouse(partition, stored.get(partition)?.next, marks);
    }
    for (const partition of partitions) {
      const next = expectedNext.get(partition);
      if (next !== undefined) consumer?.seek({ topic: options.topic, partition, offset: String(next) });
    }
    log(`assigned partitions [${partitions.join(",")}] at warehouse offsets ${describeOffsets(expectedNext)}`);
  }

  async function eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    await assignmentReady;
    if (!isRunning() || isStale() || !running || incarnationChanged) return;
    const partition = batch.partition;
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      const expected = expectedNext.get(partition);
      // Already loaded (or buffered): a re-delivery from before the seek took effect.
      if (expected !== undefined && offset < expected) continue;
      const timestampMs = Number(message.timestamp);
      const decoded = decodePurchase(message.value);
      if (decoded.ok) {
        buffer.push({ kind: "row", partition, offset, timestampMs, row: { ...decoded.value, partition, offset } });
      } else {
        buffer.push({
          kind: "dead",
          partition,
          offset,
          timestampMs,
          letter: { partition, offset, key: message.key, value: message.value, timestamp: message.timestamp, reason: decoded.reason },
        });
      }
      expectedNext.set(partition, offset + 1);
    }
    const last = batch.messages.at(-1);
    if (last) resolveOffset(last.offset);
    await heartbeat();
    // Size cap: flush now, and hold consumption while the warehouse cannot take more.
    while (buffer.length >= maxBuffered && running && isRunning()) {
      await flush();
      if (buffer.length >= maxBuffered) await sleep(Math.min(backoffMs, 2_000));
      await heartbeat();
    }
  }

  async function startSession(): Promise<void> {
    buffer = [];
    committed.clear();
    expectedNext.clear();
    incarnationChanged = undefined;
    await settleIncarnation();
    const sessionTimeout = options.sessionTimeoutMs ?? 10_000;
    const next = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 6)),
      rebalanceTimeout: Math.max(sessionTimeout, 10_000),
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 4 * 1024 * 1024,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    consumer = next;
    next.on(next.events.GROUP_JOIN, ({ payload }) => {
      const partitions = payload.memberAssignment[options.topic] ?? [];
      consumerError = undefined;
      assignmentReady = onAssignment(partitions).catch((error: unknown) => {
        consumerError = `could not check the assignment against the warehouse offsets: ${toFomoError(error).message}`;
        scheduleSessionRestart();
        throw error;
      });
      assignmentReady.catch(() => {});
    });
    next.on(next.events.CRASH, ({ payload }) => {
      consumerError = `consumer crashed: ${payload.error.message}`;
      log(`${consumerError} (${payload.restart ? "kafkajs restarts it" : "restarting the session"})`);
      if (!payload.restart) scheduleSessionRestart();
    });
    await next.connect();
    await next.subscribe({ topic: options.topic, fromBeginning: true });
    await next.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch });
    scheduleFlush(options.flushIntervalMs);
  }

  async function stopSession(): Promise<void> {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    await flushing?.catch(() => {});
    const current = consumer;
    consumer = undefined;
    await current?.disconnect().catch(() => {});
    buffer = [];
    expectedNext.clear();
  }

  /** Throws everything in memory away and starts again from the warehouse's offsets. */
  function scheduleSessionRestart(): void {
    if (sessionRestart || closed) return;
    sessionRestart = (async () => {
      while (running && !closed) {
        await stopSession();
        await sleep(backoffMs);
        if (!running || closed) break;
        try {
          await startSession();
          backoffMs = 500;
          break;
        } catch (error) {
          consumerError = `could not restart consuming: ${toFomoError(error).message}`;
          log(consumerError);
          backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        }
      }
    })().finally(() => {
      sessionRestart = undefined;
    });
  }

  // ---- flushing ---------------------------------------------------------------------------------

  function scheduleFlush(delayMs: number): void {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      if (!running) return;
      void flush().then(() => {
        if (running && !flushTimer) scheduleFlush(flushError ? backoffMs : options.flushIntervalMs);
      });
    }, delayMs);
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  async function flushOnce(): Promise<void> {
    if (incarnationChanged) {
      // The restart asked for may have been swallowed by one already under way: ask again.
      scheduleSessionRestart();
      return;
    }
    const taken = buffer;
    buffer = [];
    const batch = planBatch(taken);
    const expectedOffsets = new Map<number, number | undefined>();
    for (const partition of batch.nextOffsets.keys()) expectedOffsets.set(partition, committed.get(partition));
    const started = performance.now();
    try {
      // Asked after taking the buffer: if the topic still has the session's ID now, it had it while
      // every taken message was fetched (a re-created topic never gets an old ID back).
      const topicId = await topicIds.topicId(options.topic);
      if (topicId !== sessionTopicId) {
        throw new FomoError(
          "internal:sink_topic_changed",
          `${options.topic} now has topic ID ${topicId}, but this session loads topic ID ${sessionTopicId ?? "(none)"}`,
        );
      }
      if (producer) await sendDeadLetters(producer, options.dlqTopic, options.topic, batch.deadLetters);
      if (taken.length > 0) {
        await flushTransaction(pool!, {
          database: options.database,
          offsetsDatabase: options.offsetsDatabase,
          topic: options.topic,
          topicId,
          rows: batch.rows,
          expectedOffsets,
          nextOffsets: batch.nextOffsets,
        });
      }
    } catch (error) {
      const wrapped = toFomoError(error, "unavailable:warehouse");
      if (wrapped.code === "internal:sink_topic_changed") {
        // The taken messages may come from either incarnation: drop them, the restart decides.
        noticeNewIncarnation(wrapped.message);
        return;
      }
      if (wrapped.code === "internal:sink_offsets_moved") {
        flushError = wrapped.message;
        log(`${wrapped.message}; reloading from the warehouse offsets`);
        scheduleSessionRestart();
        return;
      }
      // Keep the messages, in order, ahead of anything consumed meanwhile, and try again later.
      buffer = taken.concat(buffer);
      flushError = `${wrapped.code === "unavailable:kafka" ? "flush held back" : "warehouse flush failed"} (${batch.rows.length} rows kept, retrying): ${wrapped.message}`;
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      log(flushError);
      return;
    }
    lastFlushMs = performance.now() - started;
    flushError = undefined;
    backoffMs = 500;
    lastFlushAt = new Date();
    if (taken.length === 0) return;
    for (const [partition, next] of batch.nextOffsets) committed.set(partition, next);
    rowsLoaded += batch.rows.length;
    deadLettered += batch.deadLetters.length;
    lastFlushRows = batch.rows.length;
    if (batch.newestTimestampMs !== undefined) newestLoadedTimestampMs = Math.max(newestLoadedTimestampMs ?? 0, batch.newestTimestampMs);
    log(
      `flushed ${batch.rows.length} rows${batch.deadLetters.length ? ` and ${batch.deadLetters.length} dead letters` : ""} in ${lastFlushMs.toFixed(0)} ms; offsets ${describeOffsets(committed)}`,
    );
    // Mirror the warehouse offsets into the consumer group so Kafka tools show the same lag.
    await consumer
      ?.commitOffsets([...batch.nextOffsets].map(([partition, next]) => ({ topic: options.topic, partition, offset: String(next) })))
      .catch((error: unknown) => log(`could not mirror offsets to Kafka (harmless): ${toFomoError(error).message}`));
  }

  // ---- reporting --------------------------------------------------------------------------------

  async function currentWatermarks(): Promise<PartitionWatermarks[] | undefined> {
    if (watermarks && Date.now() - watermarks.at < WATERMARK_CACHE_MS) return watermarks.value;
    try {
      await fetchWatermarks();
      kafkaError = undefined;
    } catch (error) {
      kafkaError = `Kafka unreachable: ${toFomoError(error).message}`;
    }
    return watermarks?.value;
  }

  return {
    async start() {
      pool = mysql.createPool({ ...options.mysql, connectionLimit: 3, multipleStatements: false, supportBigNumbers: true });
      let attempt = 0;
      for (;;) {
        try {
          await prepareWarehouse();
          admin ??= kafka.admin();
          await admin.connect();
          await ensureTopic(admin, options.topic, 3);
          await ensureTopic(admin, options.dlqTopic, 1);
          producer ??= kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
          await producer.connect();
          break;
        } catch (error) {
          attempt += 1;
          if (attempt >= 10) {
            throw new FomoError("unavailable:connector", `connector could not reach the warehouse or Kafka: ${toFomoError(error).message}`, {
              cause: error,
              canRetry: true,
            });
          }
          log(`not ready yet (${toFomoError(error).message}); retrying`);
          await sleep(Math.min(500 * 2 ** attempt, 5_000));
        }
      }
      await this.startLoading();
    },
    async startLoading() {
      if (running || closed) return;
      running = true;
      try {
        await startSession();
      } catch (error) {
        consumerError = `could not start consuming: ${toFomoError(error).message}`;
        log(consumerError);
        scheduleSessionRestart();
      }
      log("loading");
    },
    async stopLoading() {
      if (!running) return;
      running = false;
      await sessionRestart?.catch(() => {});
      await stopSession();
      log("stopped: not consuming, not flushing");
    },
    async flushNow() {
      await flush();
      if (flushError) throw new FomoError("unavailable:warehouse", flushError, { canRetry: true });
    },
    async status() {
      const marks = await currentWatermarks();
      const lag = marks ? lagMessages(marks, committed) : 0;
      const oldestBuffered = buffer.length > 0 ? Math.min(...buffer.slice(0, 1000).map((message) => message.timestampMs)) : undefined;
      const problem = flushError ?? consumerError ?? kafkaError;
      const committedOffsets: Record<string, number> = {};
      for (const [partition, next] of [...committed].sort((a, b) => a[0] - b[0])) committedOffsets[String(partition)] = next;
      // Explains a sudden drop of warehouse rows on /api/status.
      const resetNote = incarnationReset
        ? `; reset at ${incarnationReset.at.toISOString()} for a new incarnation of ${options.topic} (${incarnationReset.rowsDeleted} old rows deleted)`
        : "";
      return {
        running,
        healthy: problem === undefined,
        detail:
          (problem ??
            (running
              ? `loading ${options.topic} every ${options.flushIntervalMs / 1000} s; ${rowsLoaded} rows loaded, ${lag} messages behind`
              : `stopped: the warehouse is frozen at ${Object.values(committedOffsets).reduce((a, b) => a + b, 0)} messages, ${lag} behind`)) + resetNote,
        rowsLoaded,
        deadLettered,
        bufferedMessages: buffer.length,
        committedOffsets,
        lagMessages: lag,
        lagSeconds: lagSeconds({
          lagMessages: lag,
          nowMs: Date.now(),
          oldestBufferedTimestampMs: oldestBuffered,
          newestLoadedTimestampMs,
          sinceMs: startedAt,
        }),
        lastFlushAt: lastFlushAt?.toISOString() ?? null,
        lastFlushRows,
        lastFlushMs,
        flushIntervalMs: options.flushIntervalMs,
        incarnationReset: incarnationReset ? { ...incarnationReset, at: incarnationReset.at.toISOString() } : null,
      };
    },
    async close() {
      closed = true;
      running = false;
      await sessionRestart?.catch(() => {});
      await stopSession();
      await producer?.disconnect().catch(() => {});
      await admin?.disconnect().catch(() => {});
      await topicIds.close().catch(() => {});
      await pool?.end().catch(() => {});
    },
  };
}

function describeOffsets(offsets: Map<number, number>): string {
  return offsets.size === 0
    ? "(none yet)"
    : [...offsets]
        .sort((a, b) => a[0] - b[0])
        .map(([partition, next]) => `${partition}:${next}`)
        .join(" ");
}
