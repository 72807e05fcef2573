import type { Pool } from "mysql2/promise";
import type { Admin, Producer } from "../kafka/kafkajs-client";
import { toFomoError } from "../../lib/errors";
import type { ExplorerKafka } from "../explorer/explorer-kafka";
import { deadLetterMessage, packIntoRequests } from "./dead-letter";
import { readDeadLetterLimits, type DeadLetterLimits } from "./dead-letter-limits";
import {
  countOutboxLetters,
  deleteDeliveredLetters,
  deleteOutboxLetters,
  readOutboxLetters,
  readScanFrom,
  writeScanFrom,
} from "./dead-letter-outbox";
import { scanDeadLetters } from "./dead-letter-scan";

export interface DeadLetterRelayOptions {
  pool: Pool;
  offsetsDatabase: string;
  topic: string;
  dlqTopic: string;
  admin: Admin;
  producer: Producer;
  /** Raw fetches for recovery scans. */
  scanner: ExplorerKafka;
  log: (message: string) => void;
}

export interface DeadLetterRelayState {
  /** Letters in the outbox, not yet acknowledged by the DLQ topic (as of the last look). */
  pending: number;
  /** Why the last attempt failed, until one succeeds. */
  failure: string | undefined;
  failingSince: Date | undefined;
  /** Letters this process delivered (acknowledged by the broker). */
  delivered: number;
  limits: DeadLetterLimits | undefined;
}

export interface DeadLetterRelay {
  /** Ships soon (after a flush wrote letters). */
  kick(): void;
  state(): DeadLetterRelayState;
  /** Ships everything pending now (tests); resolves when the outbox is empty or a try failed. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const LETTERS_PER_ROUND = 100;
const IDLE_CHECK_MS = 10_000;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Ships the outbox to the DLQ topic, exactly once. Before each send it records the DLQ's high
 * watermarks (`scan_from`), once everything sent before is deleted from the outbox; so whatever a
 * crash or a failed send leaves behind lies above `scan_from`, and a recovery (at start and after
 * any failure) reads the DLQ from there to its end and deletes the letters it finds before sending
 * the rest. Its failures never touch loading: the outbox absorbs them, and they are reported.
 */
export function createDeadLetterRelay(options: DeadLetterRelayOptions): DeadLetterRelay {
  const { pool, offsetsDatabase, topic, dlqTopic, log } = options;
  const state: DeadLetterRelayState = { pending: 0, failure: undefined, failingSince: undefined, delivered: 0, limits: undefined };
  const control = { closed: false, needsRecovery: true, backoffMs: MIN_BACKOFF_MS, timer: undefined as NodeJS.Timeout | undefined };
  let running: Promise<void> | undefined;

  async function recover(): Promise<void> {
    const from = await readScanFrom(pool, offsetsDatabase, dlqTopic);
    const scan = await scanDeadLetters(options.scanner, dlqTopic, topic, from);
    const deleted = await deleteDeliveredLetters(pool, offsetsDatabase, topic, scan.delivered);
    if (deleted > 0)
      log(`dead-letter relay: ${deleted} letters were already in ${dlqTopic}; removed from the outbox without sending them again`);
  }

  /** One round: returns true when more letters may be waiting. */
  async function shipRound(): Promise<boolean> {
    state.limits ??= await readDeadLetterLimits(options.admin, dlqTopic);
    if (control.needsRecovery) {
      await recover();
      control.needsRecovery = false;
    }
    const letters = await readOutboxLetters(pool, offsetsDatabase, topic, LETTERS_PER_ROUND);
    state.pending = letters.length < LETTERS_PER_ROUND ? letters.length : await countOutboxLetters(pool, offsetsDatabase, topic);
    if (letters.length === 0) return false;
    const offsets = await options.admin.fetchTopicOffsets(dlqTopic);
    await writeScanFrom(pool, offsetsDatabase, dlqTopic, new Map(offsets.map((entry) => [entry.partition, Number(entry.high)])));
    // From here until the delete, part of this round may be in the DLQ: a failure must recover.
    control.needsRecovery = true;
    const { maxRecordBytes, maxRequestBytes } = state.limits;
    const messages = letters.map((letter) => deadLetterMessage(letter, topic, maxRecordBytes));
    for (const request of packIntoRequests(messages, maxRequestBytes)) {
      await options.producer.send({ topic: dlqTopic, acks: -1, messages: request });
    }
    await deleteOutboxLetters(
      pool,
      offsetsDatabase,
      letters.map((letter) => letter.id),
    );
    control.needsRecovery = false;
    state.delivered += letters.length;
    state.pending = Math.max(0, state.pending - letters.length);
    const truncated = messages.filter((message) => message.headers["fomo.dlq.truncated"] === "true").length;
    log(
      `dead-letter relay: delivered ${letters.length} letters to ${dlqTopic}${truncated ? ` (${truncated} truncated to fit ${maxRecordBytes} bytes)` : ""}`,
    );
    return letters.length === LETTERS_PER_ROUND;
  }

  async function run(): Promise<void> {
    try {
      while (!control.closed && (await shipRound()));
      state.failure = undefined;
      state.failingSince = undefined;
      control.backoffMs = MIN_BACKOFF_MS;
      schedule(IDLE_CHECK_MS);
    } catch (error) {
      const message = toFomoError(error, "unavailable:kafka").message;
      if (state.failure !== message) log(`dead-letter relay failed (letters stay in the outbox, retrying): ${message}`);
      state.failure = message;
      state.failingSince ??= new Date();
      // Limits may be what changed (a topic re-configured): read them again next time.
      state.limits = undefined;
      control.needsRecovery = true;
      schedule(control.backoffMs);
      control.backoffMs = Math.min(control.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  function runNow(): Promise<void> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delayMs: number): void {
    if (control.closed) return;
    if (control.timer) clearTimeout(control.timer);
    control.timer = setTimeout(() => {
      control.timer = undefined;
      void runNow();
    }, delayMs);
  }

  schedule(0);
  return {
    kick() {
      // A failing relay keeps its backoff; a healthy one ships right away.
      if (!state.failure) schedule(0);
    },
    state: () => ({ ...state }),
    async drain() {
      await running;
      await runNow();
    },
    async close() {
      control.closed = true;
      if (control.timer) clearTimeout(control.timer);
      await running?.catch(() => {});
    },
  };
}
