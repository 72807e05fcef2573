import { FomoError } from "../../lib/errors";
import type { KafkaSecurity } from "../kafka/kafka-security";
import { createPlatformaticAdmin } from "../kafka/platformatic-client";

/**
 * Reads a topic's Kafka topic ID: the UUID the broker gives each incarnation of a topic. A topic
 * deleted and re-created under the same name (or the same name on a wiped or different broker) gets
 * a new ID and starts its offsets again at 0, so stored offsets are only meaningful beside the ID
 * they were counted in. kafkajs speaks a Metadata version too old to carry topic IDs, hence this
 * second, tiny client.
 */
export interface TopicIdReader {
  /** The topic's ID as the broker reports it now (fresh metadata, never a cached answer). */
  topicId(topic: string): Promise<string>;
  close(): Promise<void>;
}

/** What Kafka reports for "no ID" (a broker too old to assign them). */
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createTopicIdReader(brokers: string[], clientId: string, security?: KafkaSecurity): TopicIdReader {
  // Fail fast: the callers (session start, every flush) retry with their own backoff.
  const admin = createPlatformaticAdmin(
    brokers,
    clientId,
    { retries: 2, retryDelay: 250, timeout: 5_000, connectTimeout: 3_000 },
    security,
  );
  return {
    async topicId(topic) {
      let id: string | undefined;
      try {
        const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
        id = metadata.topics.get(topic)?.id;
      } catch (error) {
        throw new FomoError("unavailable:kafka", `could not read the topic ID of ${topic}: ${(error as Error).message}`, {
          cause: error,
          canRetry: true,
        });
      }
      if (!id || id === ZERO_UUID) {
        throw new FomoError("unavailable:kafka", `the broker reports no topic ID for ${topic}`, { canRetry: true });
      }
      return id;
    },
    close: () => admin.close(),
  };
}
