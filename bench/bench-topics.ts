import { createKafka } from "../server/kafka/kafkajs-client";

/**
 * Creates the run's topics (3 partitions, like the demo's) and waits until every partition has a
 * leader that answers ListOffsets: on a broker that has just started, a topic can exist for a
 * moment before its leaders serve requests, and the bulk producer would trip over that.
 */
export async function createBenchTopics(brokers: string[], topics: string[], timeoutMs = 60_000): Promise<void> {
  const kafka = createKafka(brokers, "fomo-bench-topics", { silent: true });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })), waitForLeaders: true });
    const deadline = Date.now() + timeoutMs;
    for (const topic of topics) {
      for (;;) {
        try {
          const offsets = await admin.fetchTopicOffsets(topic);
          if (offsets.length === 3) break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
