import type { ConnectionOptions } from "mysql2/promise";
import type { RegistryConnection } from "../decoding/registry-lookup";

export interface WarehouseSinkOptions {
  brokers: string[];
  /** Writer account (host/port or socket, user, password); every statement names its database. */
  mysql: ConnectionOptions;
  /** Warehouse database holding `purchases`. */
  database: string;
  /** The connector's private database holding `sink_offsets` and the dead-letter outbox. */
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
  /** The Schema Registry for Confluent-framed values (Avro, Protobuf, JSON Schema); without one they are dead-lettered as `no_registry`. */
  registry?: RegistryConnection;
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
  /** Why flushes fail (null while they succeed), since when, how many tries in a row, next try. */
  failure: string | null;
  failingSince: string | null;
  flushAttempts: number;
  nextRetryAt: string | null;
  /** When the regular interval flush fires next (null while stopped, failing, or a flush is under way). */
  nextFlushAt: string | null;
  /** Letters in the outbox not yet acknowledged by the DLQ topic, and why shipping fails. */
  deadLettersPending: number;
  deadLetterFailure: string | null;
  /** Consuming waits for the schema registry (down, or refusing our credentials): why; null otherwise. Nothing is dead-lettered meanwhile. */
  waitingForRegistry: string | null;
}
