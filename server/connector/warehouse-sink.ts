import mysql from "mysql2/promise";
import { Partitioners, createKafka } from "../kafka/kafkajs-client";
import { FomoError, toFomoError } from "../../lib/errors";
import { PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { ensureTopic } from "../kafka/topic-creation";
import { ValueDecoder } from "../decoding/value-decoder";
import { createExplorerKafka, type ExplorerKafka } from "../explorer/explorer-kafka";
import { ensureDeadLetterOutbox, readMaxAllowedPacket } from "./dead-letter-outbox";
import { createDeadLetterRelay, type DeadLetterRelay } from "./dead-letter-relay";
import { createSinkFlusher } from "./sink-flusher";
import { createSinkSession } from "./sink-session";
import { emptySessionState, sleep, type SinkContext } from "./sink-state";
import { sinkStatus } from "./sink-status";
import { ensureSinkOffsetsTable } from "./sink-offsets";
import { createTopicIdReader } from "./topic-id-reader";
import type { WarehouseSinkOptions, WarehouseSinkStatus } from "./warehouse-sink-options";

export type { WarehouseSinkOptions, WarehouseSinkStatus } from "./warehouse-sink-options";

export interface WarehouseSink {
  /** Prepares tables and clients, then starts loading. */
  start(): Promise<void>;
  /** "Stop the pipeline": no more consuming or flushing; keeps reporting (lag grows). */
  stopLoading(): Promise<void>;
  /** Resumes loading from the warehouse's offsets. */
  startLoading(): Promise<void>;
  /** Flushes what is buffered now (tests); resolves when it is committed. */
  flushNow(): Promise<void>;
  /** Ships the dead-letter outbox now (tests); resolves when it is empty or a try failed. */
  drainDeadLetters(): Promise<void>;
  status(): Promise<WarehouseSinkStatus>;
  close(): Promise<void>;
}

/**
 * Our JDBC-sink equivalent: Kafka `topic` → warehouse `purchases`, exactly once.
 *
 * The warehouse is the source of truth for progress: each flush is one transaction that inserts
 * the rows, writes the dead letters to the outbox and moves `sink_offsets`, and every
 * (re)assignment seeks to those offsets. Messages below them are skipped (they are loaded), so a
 * crash at any instant neither loses nor duplicates a row or a letter. The dead-letter relay ships
 * the outbox to the DLQ topic on its own (exactly once, see dead-letter-relay.ts), so a DLQ that
 * refuses letters never holds loading back.
 *
 * The parts: sink-session.ts (consumer, assignment, topic incarnations), sink-flusher.ts (buffer
 * and flush, backoff), dead-letter-relay.ts (outbox → DLQ), sink-status.ts (what status says).
 */
export function createWarehouseSink(options: WarehouseSinkOptions): WarehouseSink {
  const clientId = options.clientId ?? "fomo-connector";
  const ctx: SinkContext = {
    options,
    log: options.log ?? (() => {}),
    maxBuffered: options.maxBufferedMessages ?? 10_000,
    lifecycle: { running: false, closed: false },
    session: emptySessionState(),
    counters: {
      startedAt: Date.now(),
      rowsLoaded: 0,
      deadLettered: 0,
      lastFlushAt: null,
      lastFlushRows: 0,
      lastFlushMs: 0,
      newestLoadedTimestampMs: undefined,
      incarnationReset: undefined,
      watermarks: undefined,
      kafkaError: undefined,
    },
    clients: {
      kafka: createKafka(options.brokers, clientId),
      topicIds: createTopicIdReader(options.brokers, `${clientId}-topic-ids`),
      pool: undefined,
      admin: undefined,
      producer: undefined,
      maxAllowedPacket: 4 * 1024 * 1024,
      decoder: new ValueDecoder({ registry: options.registry }),
    },
    hooks: undefined as unknown as SinkContext["hooks"],
  };
  const session = createSinkSession(ctx);
  const flusher = createSinkFlusher(ctx);
  let relay: DeadLetterRelay | undefined;
  let scanner: ExplorerKafka | undefined;
  ctx.hooks = {
    flush: () => flusher.flush(),
    isFlushing: () => flusher.isFlushing(),
    scheduleFlush: (delayMs) => flusher.scheduleFlush(delayMs),
    stopFlushTimer: () => flusher.stopTimer(),
    backoffMs: () => flusher.backoffMs(),
    scheduleSessionRestart: () => session.scheduleRestart(),
    noticeNewIncarnation: (reason) => session.noticeNewIncarnation(reason),
    fetchWatermarks: () => session.fetchWatermarks(),
    deadLettersWritten: () => relay?.kick(),
  };
  const { clients, lifecycle, log } = ctx;

  async function prepareWarehouse(): Promise<void> {
    const connection = await clients.pool!.getConnection();
    try {
      await connection.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(options.offsetsDatabase)}`);
      await ensureSinkOffsetsTable(connection, options.offsetsDatabase);
      await ensureDeadLetterOutbox(connection, options.offsetsDatabase);
      clients.maxAllowedPacket = await readMaxAllowedPacket(connection);
      await connection.query(`USE ${quoteIdentifier(options.database)}`);
      await connection.query(PURCHASES_TABLE_DDL);
    } finally {
      connection.release();
    }
  }

  return {
    async start() {
      clients.pool = mysql.createPool({ ...options.mysql, connectionLimit: 4, multipleStatements: false, supportBigNumbers: true });
      for (let attempt = 1; ; attempt++) {
        try {
          await prepareWarehouse();
          clients.admin ??= clients.kafka.admin();
          await clients.admin.connect();
          await ensureTopic(clients.admin, options.topic, 3);
          await ensureTopic(clients.admin, options.dlqTopic, 1);
          clients.producer ??= clients.kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
          await clients.producer.connect();
          break;
        } catch (error) {
          if (attempt >= 10) {
            throw new FomoError(
              "unavailable:connector",
              `connector could not reach the warehouse or Kafka: ${toFomoError(error).message}`,
              {
                cause: error,
                canRetry: true,
              },
            );
          }
          log(`not ready yet (${toFomoError(error).message}); retrying`);
          await sleep(Math.min(500 * 2 ** attempt, 5_000));
        }
      }
      scanner = createExplorerKafka(options.brokers, `${clientId}-dlq-scan`);
      relay = createDeadLetterRelay({
        pool: clients.pool,
        offsetsDatabase: options.offsetsDatabase,
        topic: options.topic,
        dlqTopic: options.dlqTopic,
        admin: clients.admin!,
        producer: clients.producer!,
        scanner,
        log,
      });
      await this.startLoading();
    },
    async startLoading() {
      if (lifecycle.running || lifecycle.closed) return;
      lifecycle.running = true;
      try {
        await session.start();
      } catch (error) {
        ctx.session.consumerError = `could not start consuming: ${toFomoError(error).message}`;
        log(ctx.session.consumerError);
        session.scheduleRestart();
      }
      log("loading");
    },
    async stopLoading() {
      if (!lifecycle.running) return;
      lifecycle.running = false;
      await session.settled();
      await session.stop();
      log("stopped: not consuming, not flushing");
    },
    async flushNow() {
      await flusher.flush();
      const failure = flusher.failure();
      if (failure) throw new FomoError("unavailable:warehouse", failure.cause, { canRetry: true });
    },
    async drainDeadLetters() {
      await relay?.drain();
    },
    status: () => sinkStatus(ctx, flusher.failure(), relay?.state(), () => session.fetchWatermarks(), flusher.nextFlushAt()),
    async close() {
      lifecycle.closed = true;
      lifecycle.running = false;
      await session.settled();
      await session.stop();
      await relay?.close();
      await scanner?.close().catch(() => {});
      await clients.producer?.disconnect().catch(() => {});
      await clients.admin?.disconnect().catch(() => {});
      await clients.topicIds.close().catch(() => {});
      await clients.pool?.end().catch(() => {});
    },
  };
}
