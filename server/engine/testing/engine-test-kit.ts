import { randomUUID } from "node:crypto";
import { createKafka, type Admin, type Kafka, type Producer } from "../../kafka/kafkajs-client";
import { createTopicsAndWait } from "../../kafka/topic-creation";
import { createKafkaSqlEngine, type KafkaSqlEngine } from "../kafka-sql-engine";
import type { KafkaSqlEngineOptions } from "../engine-options";

/**
 * What engine tests share: their own topics (`test-<uuid>`), a producer, and an engine that
 * ingests only the topics this kit created. Every resource is released by `close()`.
 */
export interface EngineTestKit {
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  topics: string[];
  createTopic(partitions?: number): Promise<string>;
  produce(topic: string, values: (string | Buffer | object | null)[], key?: (index: number) => string): Promise<void>;
  startEngine(options?: Partial<KafkaSqlEngineOptions>): Promise<KafkaSqlEngine>;
  close(): Promise<void>;
}

export async function createEngineTestKit(brokers: string[]): Promise<EngineTestKit> {
  const kafka = createKafka(brokers, "engine-tests", { silent: true });
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const topics: string[] = [];
  const engines: KafkaSqlEngine[] = [];
  return {
    kafka,
    admin,
    producer,
    topics,
    async createTopic(partitions = 3) {
      const topic = `test-${randomUUID()}`;
      topics.push(topic);
      await createTopicsAndWait(admin, [{ topic, numPartitions: partitions }]);
      return topic;
    },
    async produce(topic, values, key) {
      const messages = values.map((value, index) => ({
        key: key?.(index) ?? null,
        value: value === null || typeof value === "string" || Buffer.isBuffer(value) ? value : JSON.stringify(value),
      }));
      for (let start = 0; start < messages.length; start += 5_000) {
        await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 5_000) });
      }
    },
    async startEngine(options = {}) {
      const engine = await createKafkaSqlEngine({
        brokers,
        metadataIntervalMs: 500,
        topicFilter: (topic) => topics.includes(topic),
        ...options,
      });
      engines.push(engine);
      return engine;
    },
    async close() {
      await Promise.allSettled(engines.map((engine) => engine.close()));
      await producer.disconnect().catch(() => undefined);
      if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
}

/** The number in a single-cell result (COUNT(*) and friends). */
export function singleNumber(result: { rows: unknown[][] }): number {
  return Number(result.rows[0]?.[0]);
}
