import { Partitioners, type Admin, type Producer, createKafka } from "../kafka/kafkajs-client";
import { FomoError, toFomoError } from "../../lib/errors";
import { ensureTopic } from "../kafka/topic-creation";
import { messagesEverWritten } from "../kafka/topic-offsets";
import { TOPIC_KINDS, TOPICS, type TopicKind } from "../dataset/topics";
import type { RegistryConnection } from "../decoding/registry-lookup";
import type { ValueFormat } from "./event-schemas";
import { JSON_ENCODING, prepareValueEncoding, type ValueEncoding } from "./value-encoding";

export interface GeneratorOptions {
  brokers: string[];
  seed: number;
  /** Events per topic produced once, before the trickle (the seed's 10,000). */
  backlog: number;
  /** Live events per second per topic after the backlog; 0 = none. */
  ratePerTopic: number;
  /** Topic names to write to (tests and the benchmark use their own). */
  topicNames?: Partial<Record<TopicKind, string>>;
  clientId?: string;
  log?: (message: string) => void;
  /** Value format (default json); avro and protobuf register their schemas in `registry` at start. */
  format?: ValueFormat;
  registry?: RegistryConnection;
  /** How long start keeps trying a registry that does not answer yet (default 60 s). */
  registryRetryForMs?: number;
}

export interface GeneratorStatus {
  healthy: boolean;
  detail: string;
  /** Events in each topic so far (= the next event index). */
  produced: Record<TopicKind, number>;
  ratePerTopic: number;
  paused: boolean;
  backlogComplete: boolean;
  topics: Record<TopicKind, string>;
  format: ValueFormat;
  /** The registry's ids of the value schemas (avro/protobuf). */
  schemaIds: Partial<Record<TopicKind, number>>;
}

export interface Generator {
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  setRate(ratePerTopic: number): void;
  status(): GeneratorStatus;
  /** Resolves once both topics hold at least the backlog. */
  whenBacklogComplete(): Promise<void>;
  stop(): Promise<void>;
}

const BACKLOG_BATCH = 2_000;
/** After an outage, catch up at most this many seconds of trickle, then continue at the rate. */
const MAX_CATCH_UP_SECONDS = 10;
/** A send pending longer than this (the idempotent producer retries forever) means trouble. */
const STALLED_SEND_MS = 10_000;
export const MAX_RATE_PER_TOPIC = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The live generator: produces the backlog exactly once (it continues from the number of messages
 * already in each topic, so a restart never repeats it), then trickles at `ratePerTopic`, always
 * continuing the same deterministic event sequence. One idempotent producer; acks from all replicas.
 */
export function createGenerator(options: GeneratorOptions): Generator {
  if (!Number.isFinite(options.ratePerTopic) || options.ratePerTopic < 0 || options.ratePerTopic > MAX_RATE_PER_TOPIC) {
    throw new FomoError("bad_request:generator_rate", `ratePerTopic must be within [0, ${MAX_RATE_PER_TOPIC}]`);
  }
  const log = options.log ?? (() => {});
  const topics: Record<TopicKind, string> = {
    purchases: options.topicNames?.purchases ?? TOPICS.purchases.name,
    requestlog: options.topicNames?.requestlog ?? TOPICS.requestlog.name,
  };
  const kafka = createKafka(options.brokers, options.clientId ?? "fomo-generator");
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let encoding: ValueEncoding = JSON_ENCODING;

  const produced: Record<TopicKind, number> = { purchases: 0, requestlog: 0 };
  let ratePerTopic = options.ratePerTopic;
  let paused = false;
  let stopped = false;
  let backlogComplete = false;
  let needsResync = true;
  let lastError: string | undefined;
  let sendStartedAt: number | undefined;
  let loop: Promise<void> | undefined;
  // The trickle owes floor(elapsed seconds * rate) events since `trickleBase.at`.
  let trickleBase = { at: Date.now(), sent: 0 };
  const backlogWaiters: Array<() => void> = [];

  const rebaseTrickle = () => {
    trickleBase = { at: Date.now(), sent: 0 };
  };

  async function resync(): Promise<void> {
    for (const kind of TOPIC_KINDS) produced[kind] = await messagesEverWritten(admin!, topics[kind]);
    needsResync = false;
  }

  /** Produces `count[kind]` further events of each topic in one request; advances on success only. */
  async function produce(count: Record<TopicKind, number>): Promise<void> {
    const topicMessages = TOPIC_KINDS.filter((kind) => count[kind] > 0).map((kind) => {
      const messages = [];
      for (let i = 0; i < count[kind]; i++) messages.push(encoding.messageAt(kind, options.seed, produced[kind] + i));
      return { topic: topics[kind], messages };
    });
    if (topicMessages.length === 0) return;
    sendStartedAt = Date.now();
    try {
      await producer!.sendBatch({ topicMessages, acks: -1 });
    } finally {
      sendStartedAt = undefined;
    }
    for (const kind of TOPIC_KINDS) produced[kind] += count[kind];
  }

  async function step(): Promise<void> {
    if (needsResync) await resync();
    if (!backlogComplete) {
      const remaining = (kind: TopicKind) => Math.max(0, Math.min(BACKLOG_BATCH, options.backlog - produced[kind]));
      const count = { purchases: remaining("purchases"), requestlog: remaining("requestlog") };
      if (count.purchases + count.requestlog > 0) {
        await produce(count);
        return;
      }
      backlogComplete = true;
      log(`backlog complete: ${produced.purchases} purchases, ${produced.requestlog} requests`);
      rebaseTrickle();
      backlogWaiters.splice(0).forEach((resolve) => resolve());
    }
    if (ratePerTopic <= 0) {
      await sleep(200);
      return;
    }
    let due = Math.floor(((Date.now() - trickleBase.at) / 1000) * ratePerTopic) - trickleBase.sent;
    if (due > ratePerTopic * MAX_CATCH_UP_SECONDS) {
      due = Math.ceil(ratePerTopic);
      rebaseTrickle();
    }
    if (due > 0) {
      await produce({ purchases: due, requestlog: due });
      trickleBase.sent += due;
    }
    await sleep(Math.min(250, Math.max(20, 1000 / ratePerTopic)));
  }

  async function runLoop(): Promise<void> {
    let backoffMs = 200;
    while (!stopped) {
      if (paused) {
        await sleep(100);
        continue;
      }
      try {
        await step();
        lastError = undefined;
        backoffMs = 200;
      } catch (error) {
        if (stopped) return;
        lastError = toFomoError(error, "unavailable:kafka").message;
        // We do not know what reached the broker: re-read the counts before continuing.
        needsResync = true;
        log(`produce failed, retrying in ${backoffMs} ms: ${lastError}`);
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
      }
    }
  }

  return {
    async start() {
      // Before Kafka: a format whose schemas cannot be registered must not produce anything.
      encoding = await prepareValueEncoding({
        format: options.format ?? "json",
        registry: options.registry,
        topics,
        retryForMs: options.registryRetryForMs,
        log,
        cancelled: () => stopped,
      });
      try {
        admin = kafka.admin();
        await admin.connect();
        for (const kind of TOPIC_KINDS) await ensureTopic(admin, topics[kind], TOPICS[kind].partitions);
        producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
        await producer.connect();
        await resync();
      } catch (error) {
        throw new FomoError(
          "unavailable:kafka",
          `generator could not connect to Kafka at ${options.brokers.join(",")}: ${toFomoError(error).message}`,
          {
            cause: error,
            canRetry: true,
          },
        );
      }
      log(`topics hold ${produced.purchases} purchases and ${produced.requestlog} requests; backlog target ${options.backlog}`);
      loop = runLoop();
    },
    pause() {
      paused = true;
    },
    resume() {
      if (paused) rebaseTrickle();
      paused = false;
    },
    setRate(rate) {
      if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE_PER_TOPIC) {
        throw new FomoError("bad_request:generator_rate", `ratePerTopic must be within [0, ${MAX_RATE_PER_TOPIC}]`);
      }
      ratePerTopic = rate;
      rebaseTrickle();
    },
    status() {
      const stalled = sendStartedAt !== undefined && Date.now() - sendStartedAt > STALLED_SEND_MS;
      const healthy = !stalled && lastError === undefined;
      const activity = paused ? "paused" : backlogComplete ? `trickling at ${ratePerTopic}/s per topic` : "producing the backlog";
      const state = encoding.format === "json" ? activity : `${activity} (${encoding.format})`;
      const detail = stalled
        ? `waiting for Kafka for ${Math.round((Date.now() - sendStartedAt!) / 1000)} s`
        : (lastError ?? `${state}; ${produced.purchases} purchases, ${produced.requestlog} requests`);
      return {
        healthy,
        detail,
        produced: { ...produced },
        ratePerTopic,
        paused,
        backlogComplete,
        topics: { ...topics },
        format: encoding.format,
        schemaIds: { ...encoding.schemaIds },
      };
    },
    whenBacklogComplete() {
      if (backlogComplete) return Promise.resolve();
      return new Promise((resolve) => backlogWaiters.push(resolve));
    },
    async stop() {
      stopped = true;
      await loop?.catch(() => {});
      await producer?.disconnect().catch(() => {});
      await admin?.disconnect().catch(() => {});
    },
  };
}
