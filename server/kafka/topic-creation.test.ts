import { randomUUID } from "node:crypto";
import { createKafka, type Admin } from "./kafkajs-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStack } from "../stack/testing/test-stack";
import { createTopicsAndWait } from "./topic-creation";

let admin: Admin;
const created: string[] = [];

beforeAll(async () => {
  admin = createKafka(testStack().kafkaBrokers, "topic-creation-tests", { silent: true }).admin();
  await admin.connect();
});
afterAll(async () => {
  if (created.length > 0) await admin.deleteTopics({ topics: created }).catch(() => undefined);
  await admin.disconnect();
});

describe("createTopicsAndWait", () => {
  it("returns only once every partition of every new topic has a leader, and only the topics it created", async () => {
    // Several rounds: the race it guards against (metadata not listing a just-created topic) is timing-dependent.
    for (let round = 0; round < 5; round++) {
      const names = [`test-${randomUUID()}`, `test-${randomUUID()}`];
      created.push(...names);
      expect(
        await createTopicsAndWait(
          admin,
          names.map((topic) => ({ topic, numPartitions: 3 })),
        ),
      ).toEqual(names);
      const metadata = await admin.fetchTopicMetadata({ topics: names });
      for (const topic of metadata.topics) {
        expect(topic.partitions).toHaveLength(3);
        expect(topic.partitions.every((partition) => partition.leader >= 0)).toBe(true);
      }
      expect(await createTopicsAndWait(admin, [{ topic: names[0]!, numPartitions: 3 }])).toEqual([]);
    }
  });
});
