import { FomoError } from "../../lib/errors";
import type { KafkaSecurity } from "../kafka/kafka-security";
import { createKafkaFetchPath } from "../kafka/fetch-path";

/**
 * Reads a topic's Kafka topic ID: the UUID the broker gives each incarnation of a topic. A topic
 * deleted and re-created under the same name (or the same name on a wiped or different broker) gets
 * a new ID and starts its offsets again at 0, so stored offsets are only meaningful beside the ID
 * they were counted in. kafkajs 2.2 speaks a Metadata version too old to carry topic IDs, so this
 * asks through the fetch path (server/kafka/fetch-path.ts), the engine's reading clients.
 */
export interface TopicIdReader {
  /** The topic's ID as the broker reports it now (fresh metadata, never a cached answer). */
  topicId(topic: string): Promise<string>;
  close(): Promise<void>;
}

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createTopicIdReader(brokers: string[], clientId: string, security?: KafkaSecurity): TopicIdReader {
  // Fails fast: the callers (session start, every flush) retry with their own backoff.
  const fetchPath = createKafkaFetchPath(brokers, clientId, security);
  return {
    async topicId(topic) {
      let id: string | undefined;
      try {
        id = (await fetchPath.topicIds([topic])).get(topic);
      } catch (error) {
        throw new FomoError("unavailable:kafka", `could not read the topic ID of ${topic}: ${(error as Error).message}`, {
          cause: error,
          canRetry: true,
        });
      }
      if (!id) {
        throw new FomoError("unavailable:kafka", `the broker reports no topic ID for ${topic}`, { canRetry: true });
      }
      return id;
    },
    close: () => fetchPath.close(),
  };
}
