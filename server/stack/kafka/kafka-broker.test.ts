import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectKafkaAdmin } from "./kafka-admin";
import { startKafkaBroker, type KafkaBroker } from "./kafka-broker";
import { kafkaPaths } from "./kafka-paths";
import { ensureTopics } from "./topics";
import { isAlive } from "../process/pid-files";
import { freePort } from "../testing/free-port";
import { testStack } from "../testing/test-stack";

const stack = testStack();

async function listTopics(brokers: string[]): Promise<string[]> {
  const admin = await connectKafkaAdmin(brokers);
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

describe("Kafka topics on the test stack", () => {
  it("has purchases and requestlog with 3 partitions each and the dead-letter topic", async () => {
    const admin = await connectKafkaAdmin(stack.kafkaBrokers);
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: ["purchases", "requestlog", "purchases-dlq"] });
      const partitions = Object.fromEntries(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
      expect(partitions).toEqual({ purchases: 3, requestlog: 3, "purchases-dlq": 1 });
    } finally {
      await admin.disconnect();
    }
  });

  it("creating topics again changes nothing", async () => {
    const topic = `test-${randomUUID()}`;
    expect(await ensureTopics(stack.kafkaBrokers, [{ topic, partitions: 2 }])).toEqual([topic]);
    expect(await ensureTopics(stack.kafkaBrokers, [{ topic, partitions: 2 }])).toEqual([]);
    const admin = await connectKafkaAdmin(stack.kafkaBrokers);
    await admin.deleteTopics({ topics: [topic] }).finally(() => admin.disconnect());
  });
});

describe("a private broker", () => {
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-broker-test-"));
  let broker: KafkaBroker | undefined;
  afterAll(async () => {
    await broker?.stop();
    fs.rmSync(stackDir, { recursive: true, force: true });
  });

  it("restarts on its formatted storage and keeps its topics", async () => {
    // Reuse the test stack's downloaded jars instead of fetching them again.
    const sharedLibs = kafkaPaths(stack.stackDir).libs;
    if (fs.existsSync(sharedLibs)) {
      fs.mkdirSync(kafkaPaths(stackDir).home, { recursive: true });
      fs.symlinkSync(sharedLibs, kafkaPaths(stackDir).libs);
    }
    const port = await freePort();
    const controllerPort = await freePort();
    broker = await startKafkaBroker({ stackDir, port, controllerPort, heap: "256m" });
    expect(broker.formattedStorage).toBe(true);
    const topic = `test-${randomUUID()}`;
    await ensureTopics(broker.brokers, [{ topic, partitions: 1 }]);
    const firstPid = broker.process.pid as number;
    await broker.stop();
    expect(isAlive(firstPid)).toBe(false);

    broker = await startKafkaBroker({ stackDir, port, controllerPort, heap: "256m" });
    expect(broker.formattedStorage).toBe(false);
    expect(await listTopics(broker.brokers)).toContain(topic);
  }, 240_000);
});
