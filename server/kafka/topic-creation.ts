import type { Admin, ITopicConfig } from "./kafkajs-client";
import { isRetriable } from "./kafka-retries";

/**
 * Creates topics and returns once every partition of each has a leader, so a producer or consumer
 * can use them at once. Returns the names it created (topics that already existed are left alone).
 *
 * kafkajs' own `waitForLeaders` is not enough on a KRaft broker: right after CreateTopics the
 * broker may answer metadata with UNKNOWN_TOPIC_OR_PARTITION rather than LEADER_NOT_AVAILABLE,
 * and kafkajs retries only the latter, so `createTopics` throws for a topic that was created.
 * How often depends on timing (seen in about one run in three on Node.js 24); the wait below
 * retries every error Kafka marks retriable until the leaders are known.
 */
export async function createTopicsAndWait(admin: Admin, topics: ITopicConfig[], timeoutMs = 30_000): Promise<string[]> {
  const names = topics.map((topic) => topic.topic);
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({ topics: missing, waitForLeaders: false });
    } catch (error) {
      // Another client may have created one of them meanwhile: the wait below settles it.
      if (!isRetriable(error) && !isTopicAlreadyExists(error)) throw error;
    }
  }
  await waitForPartitionLeaders(admin, names, timeoutMs);
  return missing.map((topic) => topic.topic);
}

/**
 * Creates the topic with `partitions` partitions unless it exists (idempotent), and returns once
 * every partition has a leader, so a producer or consumer can use it right away.
 */
export async function ensureTopic(admin: Admin, topic: string, partitions: number): Promise<void> {
  await createTopicsAndWait(admin, [{ topic, numPartitions: partitions, replicationFactor: 1 }]);
}

/** Waits until every partition of `topics` has a leader that serves it; retries errors Kafka marks retriable. */
export async function waitForPartitionLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const ready = topics.every((name) => {
        const partitions = metadata.topics.find((topic) => topic.name === name)?.partitions ?? [];
        return partitions.length > 0 && partitions.every((partition) => partition.leader >= 0);
      });
      // Metadata can name a leader before that broker hosts the partition's log; a produce then
      // fails (and kafkajs' idempotent producer may report OUT_OF_ORDER_SEQUENCE_NUMBER on its
      // retry). ListOffsets is answered by the leader itself, so success means it hosts them.
      if (ready) {
        for (const name of topics) await admin.fetchTopicOffsets(name);
        return;
      }
    } catch (error) {
      if (!isRetriable(error)) throw error;
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Topics ${topics.join(", ")} have no leader for every partition after ${timeoutMs} ms`, { cause: last });
}

function isTopicAlreadyExists(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  const nested = (error as { errors?: { type?: unknown }[] } | null)?.errors;
  return type === "TOPIC_ALREADY_EXISTS" || (Array.isArray(nested) && nested.every((inner) => inner.type === "TOPIC_ALREADY_EXISTS"));
}
