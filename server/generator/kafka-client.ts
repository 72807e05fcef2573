import { Kafka, logLevel, type Admin } from "kafkajs";
import { createTopicsAndWait, isRetriable } from "../kafka/topic-creation";

/**
 * One place that builds kafkajs clients for the pipeline, so the generator, the bulk producer and
 * the connector agree on logging and retry behaviour. kafkajs logs only warnings and errors:
 * retries while a broker restarts are expected and already reported through status.
 */
export function createKafka(brokers: string[], clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.ERROR,
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
  });
}

/**
 * Creates the topic with `partitions` partitions unless it exists (idempotent), and returns once
 * every partition has a leader, so a producer or consumer can use it right away.
 */
export async function ensureTopic(admin: Admin, topic: string, partitions: number): Promise<void> {
  await createTopicsAndWait(admin, [{ topic, numPartitions: partitions, replicationFactor: 1 }]);
}

/**
 * Retries an admin call on errors Kafka marks retriable (a just-created topic whose leader is not
 * known yet, a leader moving), a few times over about two seconds.
 */
export async function retryRetriable<T>(work: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Number of partitions of `topic` (from metadata; needs no partition leader). */
export async function partitionCount(admin: Admin, topic: string): Promise<number> {
  const metadata = await retryRetriable(() => admin.fetchTopicMetadata({ topics: [topic] }));
  return metadata.topics[0]?.partitions.length ?? 0;
}

/** High watermark (next offset to be written) of every partition of `topic`. */
export async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await retryRetriable(() => admin.fetchTopicOffsets(topic));
  return new Map(offsets.map((entry) => [entry.partition, BigInt(entry.high)]));
}

/**
 * How many messages were ever written to `topic`: the sum of its partitions' high watermarks.
 * Unlike "high minus log start" this does not shrink under retention, so it is the generator's
 * next event index.
 */
export async function messagesEverWritten(admin: Admin, topic: string): Promise<number> {
  let total = 0n;
  for (const high of (await highWatermarks(admin, topic)).values()) total += high;
  return Number(total);
}
