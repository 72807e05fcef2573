import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createKafka, type Admin, type Producer } from "../../kafka/kafkajs-client";
import { createTopicsAndWait } from "../../kafka/topic-creation";
import { testStack } from "../../stack/testing/test-stack";
import { createExplorerKafka, type ExplorerKafka } from "../explorer-kafka";
import { readTopicLayouts, type TopicLayout } from "../partition-watermarks";

export interface ExplorerTestKit {
  readonly admin: Admin;
  readonly producer: Producer;
  /** The explorer's own clients, as the web server builds them. */
  readonly explorer: ExplorerKafka;
  /** A fresh topic (`test-<uuid>`), deleted after the file's tests. */
  newTopic(partitions?: number): Promise<string>;
  layoutOf(topic: string): Promise<TopicLayout>;
  /** Groups to delete after the file's tests. */
  createdGroups: string[];
}

/**
 * For a test file: a kafkajs admin and producer on the test broker plus the explorer's clients,
 * connected before its tests and closed (with the topics and groups they made) after them.
 */
export function explorerTestKit(clientId: string): ExplorerTestKit {
  const { kafkaBrokers } = testStack();
  const kafkajs = createKafka(kafkaBrokers, clientId, { silent: true });
  const admin = kafkajs.admin();
  const producer = kafkajs.producer();
  let explorer: ExplorerKafka | undefined;
  const createdTopics: string[] = [];
  const createdGroups: string[] = [];

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    explorer = createExplorerKafka(kafkaBrokers, clientId);
  });
  afterAll(async () => {
    await explorer?.close();
    await producer.disconnect();
    if (createdGroups.length > 0) await admin.deleteGroups(createdGroups).catch(() => undefined);
    if (createdTopics.length > 0) await admin.deleteTopics({ topics: createdTopics }).catch(() => undefined);
    await admin.disconnect();
  });

  const kit: ExplorerTestKit = {
    admin,
    producer,
    get explorer() {
      if (!explorer) throw new Error("the explorer test kit is used before its beforeAll ran");
      return explorer;
    },
    createdGroups,
    async newTopic(partitions = 3) {
      const topic = `test-${randomUUID()}`;
      await createTopicsAndWait(admin, [{ topic, numPartitions: partitions }]);
      createdTopics.push(topic);
      return topic;
    },
    async layoutOf(topic) {
      const [layout] = await readTopicLayouts(kit.explorer, [{ name: topic, internal: false }]);
      if (!layout) throw new Error(`no layout for ${topic}`);
      return layout;
    },
  };
  return kit;
}

/** Waits until `condition` holds (checked every 50 ms), or fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
