import { createKafka, type Consumer, type Producer } from "../kafka/kafkajs-client";
import { createTopicsAndWait } from "../kafka/topic-creation";

/**
 * The registry's only door to Kafka, built from the project's one client module (server/kafka), so
 * the registry's store topic is reached with the same brokers, SASL/TLS and retries as the rest.
 */
export type { Consumer as RegistryConsumer, Producer as RegistryProducer };

export interface RegistryKafka {
  producer: Producer;
  consumer: Consumer;
  close(): Promise<void>;
}

/**
 * Connects a producer and a reader of the store topic, creating the topic first when it is
 * missing: one partition (the log is the order of writes) and compacted, as Confluent's.
 * kafkajs only reads in a consumer group, so the reader has a group of its own (two registries on
 * one topic must each read every record); it commits what it applied, so the explorer shows its
 * true lag, and `close()` deletes it, so restarts leave no groups behind (one a crash leaves
 * expires with the broker's offsets.retention.minutes).
 */
export async function connectRegistryKafka(brokers: string[], topic: string, clientId: string): Promise<RegistryKafka> {
  const kafka = createKafka(brokers, clientId, { retries: "pipeline" });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const brokerCount = (await admin.describeCluster()).brokers.length;
    await createTopicsAndWait(admin, [
      {
        topic,
        numPartitions: 1,
        replicationFactor: Math.max(1, Math.min(3, brokerCount)),
        configEntries: [{ name: "cleanup.policy", value: "compact" }],
      },
    ]);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
  // A fresh group id per start with no committed offsets: every start reads the whole log.
  // A short fetch wait: disconnecting waits for the fetch in flight, and a stop must take well under the supervisor's 3.5 s.
  const groupId = `${clientId}-${process.pid}-${Date.now()}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1_000,
  });
  await producer.connect();
  await consumer.connect();
  return {
    producer,
    consumer,
    async close() {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
      // At most 1 s: a stop must stay well under the supervisor's 3.5 s, and a broker that is away
      // (the pipeline retry profile would wait it out) leaves an empty group that expires on its own.
      const cleanup = kafka.admin();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        cleanup.connect().then(() => cleanup.deleteGroups([groupId])),
        new Promise((resolve) => (timer = setTimeout(resolve, 1_000))),
      ]).catch(() => undefined);
      clearTimeout(timer);
      await cleanup.disconnect().catch(() => undefined);
    },
  };
}

/** Deletes a store topic (tests clean up the topics they made). */
export async function deleteRegistryTopic(brokers: string[], topic: string): Promise<void> {
  const admin = createKafka(brokers, "fomo-schema-registry-admin", { silent: true }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}
