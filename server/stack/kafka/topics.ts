import type { Admin } from "../../kafka/kafkajs-client";
import { FomoError } from "../../../lib/errors";
import { createTopicsAndWait } from "../../kafka/topic-creation";
import { connectKafkaAdmin } from "./kafka-admin";

export interface TopicSpec {
  topic: string;
  partitions: number;
}

/** The topics the demo needs: the two datasets (3 partitions, like the seed) and the sink's dead letters. */
export function demoTopics(dlqTopic: string): TopicSpec[] {
  return [
    { topic: "purchases", partitions: 3 },
    { topic: "requestlog", partitions: 3 },
    { topic: dlqTopic, partitions: 1 },
  ];
}

function createMissing(admin: Admin, topics: TopicSpec[]): Promise<string[]> {
  return createTopicsAndWait(
    admin,
    topics.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions, replicationFactor: 1 })),
  );
}

/** Creates the topics that do not exist yet (never alters existing ones); returns those it created. */
export async function ensureTopics(brokers: string[], topics: TopicSpec[]): Promise<string[]> {
  let admin: Admin | undefined;
  try {
    admin = await connectKafkaAdmin(brokers, "fomo-provisioning");
    return await createMissing(admin, topics);
  } catch (cause) {
    throw new FomoError("stack:service_failed", `Could not create the Kafka topics on ${brokers.join(",")}: ${(cause as Error).message}`, {
      cause,
      canRetry: true,
    });
  } finally {
    await admin?.disconnect().catch(() => undefined);
  }
}
