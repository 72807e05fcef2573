import { Kafka, logLevel, type Consumer, type Producer } from "kafkajs";
import { createTopicsAndWait } from "../kafka/topic-creation";

/**
 * The registry's only door to Kafka. Every kafkajs import of server/schema-registry goes through
 * this file, so re-pointing the registry at the project's shared Kafka client module is one edit.
 */
export type { Consumer as RegistryConsumer, Producer as RegistryProducer };

export interface RegistryKafka {
  producer: Producer;
  consumer: Consumer;
  close(): Promise<void>;
}

/**
 * Connects a producer and a group-less reader of the store topic, creating the topic first when
 * it is missing: one partition (the log is the order of writes) and compacted, as Confluent's.
 */
export async function connectRegistryKafka(brokers: string[], topic: string, clientId: string): Promise<RegistryKafka> {
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.ERROR,
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
  });
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
  const consumer = kafka.consumer({
    groupId: `${clientId}-${process.pid}-${Date.now()}`,
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
    },
  };
}

/** Deletes a store topic (tests clean up the topics they made). */
export async function deleteRegistryTopic(brokers: string[], topic: string): Promise<void> {
  const admin = new Kafka({ clientId: "fomo-schema-registry-admin", brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}
