import type { Admin, Consumer, Kafka, Producer } from "../kafka/kafkajs-client";
import type { Pool } from "mysql2/promise";
import type { ValueDecoder } from "../decoding/value-decoder";
import type { BufferedMessage } from "./sink-buffer";
import type { PartitionWatermarks } from "./sink-lag";
import type { TopicIdReader } from "./topic-id-reader";
import type { WarehouseSinkOptions } from "./warehouse-sink-options";

/** Whether the sink loads at all (`stop`/`start` commands) and whether it is shut down. */
export interface SinkLifecycle {
  running: boolean;
  closed: boolean;
}

/** One consumer session's view: what is buffered, what is loaded, which topic incarnation. */
export interface SinkSessionState {
  buffer: BufferedMessage[];
  /** Warehouse offsets as last read or written by us: the fencing token of the next flush. */
  committed: Map<number, number>;
  /** Next offset to accept per partition (past what is loaded and buffered). */
  expectedNext: Map<number, number>;
  /** The topic ID this session loads (settled at its start); every flush is checked against it. */
  topicId: string | undefined;
  /** Set when this session finds the topic re-created: it takes no more messages until restarted. */
  incarnationChanged: string | undefined;
  consumer: Consumer | undefined;
  assignmentReady: Promise<void>;
  /** Why consuming is in trouble (crash, assignment check, restart failing), until it recovers. */
  consumerError: string | undefined;
  /** Consuming waits at a message whose schema the registry cannot give now (down, refusing us): why, since when. */
  registryWait: { reason: string; since: Date } | undefined;
}

/** A run of failed flushes, for status and backoff; cleared by the next successful flush. */
export interface FlushFailure {
  cause: string;
  since: Date;
  attempts: number;
  nextRetryAt: Date | undefined;
}

/** What this process did, for status. */
export interface SinkCounters {
  startedAt: number;
  rowsLoaded: number;
  deadLettered: number;
  lastFlushAt: Date | null;
  lastFlushRows: number;
  lastFlushMs: number;
  newestLoadedTimestampMs: number | undefined;
  incarnationReset: { at: Date; reason: string; rowsDeleted: number } | undefined;
  watermarks: { at: number; value: PartitionWatermarks[] } | undefined;
  kafkaError: string | undefined;
}

/** The clients, made once in `start()`. */
export interface SinkClients {
  kafka: Kafka;
  topicIds: TopicIdReader;
  pool: Pool | undefined;
  admin: Admin | undefined;
  producer: Producer | undefined;
  maxAllowedPacket: number;
  /** The one value decoder (server/decoding): JSON, and Confluent-framed values through the registry. */
  decoder: ValueDecoder;
}

/** The parts call each other through these, wired once by the factory. */
export interface SinkHooks {
  flush(): Promise<void>;
  isFlushing(): boolean;
  scheduleFlush(delayMs: number): void;
  stopFlushTimer(): void;
  /** How long to wait before the next try (grows with consecutive failures). */
  backoffMs(): number;
  scheduleSessionRestart(): void;
  noticeNewIncarnation(reason: string): void;
  fetchWatermarks(): Promise<PartitionWatermarks[]>;
  /** The flush wrote letters to the outbox: the relay may ship them. */
  deadLettersWritten(): void;
}

/** Everything the session, the flusher and the status share. */
export interface SinkContext {
  options: WarehouseSinkOptions;
  log: (message: string) => void;
  maxBuffered: number;
  lifecycle: SinkLifecycle;
  session: SinkSessionState;
  counters: SinkCounters;
  clients: SinkClients;
  hooks: SinkHooks;
}

export function emptySessionState(): SinkSessionState {
  return {
    buffer: [],
    committed: new Map(),
    expectedNext: new Map(),
    topicId: undefined,
    incarnationChanged: undefined,
    consumer: undefined,
    assignmentReady: Promise.resolve(),
    consumerError: undefined,
    registryWait: undefined,
  };
}

export function describeOffsets(offsets: Map<number, number>): string {
  return offsets.size === 0
    ? "(none yet)"
    : [...offsets]
        .sort((a, b) => a[0] - b[0])
        .map(([partition, next]) => `${partition}:${next}`)
        .join(" ");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
