import { afterEach, describe, expect, it } from "vitest";
import { testStack } from "../stack/testing/test-stack";
import { createScratchTopics, waitFor } from "../connector/testing/scratch-pipeline";
import { createKafka } from "../kafka/kafkajs-client";
import { messagesEverWritten } from "../kafka/topic-offsets";
import { createGenerator, type Generator } from "./generator";
import { partitionOfKey } from "../kafka/key-partition";
import { messageAt } from "../dataset/topics";
import { bulkProduce } from "./bulk-produce";

const SEED = 1277;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

async function scratch() {
  const stack = testStack();
  const topics = await createScratchTopics(stack.kafkaBrokers);
  cleanups.push(() => topics.drop());
  const topicNames = { purchases: await topics.create(3), requestlog: await topics.create(3) };
  const makeGenerator = (ratePerTopic: number, backlog = 700): Generator => {
    const generator = createGenerator({ brokers: stack.kafkaBrokers, seed: SEED, backlog, ratePerTopic, topicNames });
    cleanups.push(() => generator.stop());
    return generator;
  };
  return { stack, topics, topicNames, makeGenerator };
}

/** Every message of `topic`, per partition, in offset order, as "key value" strings. */
async function readTopic(brokers: string[], topic: string, expected: number): Promise<Map<number, string[]>> {
  const consumer = createKafka(brokers, "generator-test-reader").consumer({ groupId: `${topic}-reader` });
  cleanups.push(() => consumer.disconnect());
  const byPartition = new Map<number, string[]>();
  let seen = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const list = byPartition.get(partition) ?? [];
      list[Number(message.offset)] = `${message.key?.toString()} ${message.value?.toString()}`;
      byPartition.set(partition, list);
      seen += 1;
    },
  });
  await waitFor(`${expected} messages from ${topic}`, () => seen >= expected, 30_000);
  await consumer.disconnect();
  return byPartition;
}

/** What the topic must hold: events 0..count-1 of the seed, each on its key's partition, in order. */
function expectedPartitions(kind: "purchases" | "requestlog", count: number): Map<number, string[]> {
  const byPartition = new Map<number, string[]>();
  for (let i = 0; i < count; i++) {
    const { key, value } = messageAt(kind, SEED, i);
    const partition = partitionOfKey(Buffer.from(key), 3);
    byPartition.set(partition, [...(byPartition.get(partition) ?? []), `${key} ${value}`]);
  }
  return byPartition;
}

describe("generator", () => {
  it("produces the backlog exactly once: a restart continues instead of producing it again", async () => {
    const { topics, topicNames, makeGenerator } = await scratch();
    const first = makeGenerator(0);
    await first.start();
    await first.whenBacklogComplete();
    expect(first.status()).toMatchObject({ produced: { purchases: 700, requestlog: 700 }, backlogComplete: true, healthy: true });
    await first.stop();

    const second = makeGenerator(0);
    await second.start();
    await second.whenBacklogComplete();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await second.stop();
    expect(await messagesEverWritten(topics.admin, topicNames.purchases)).toBe(700);
    expect(await messagesEverWritten(topics.admin, topicNames.requestlog)).toBe(700);
  });

  it("trickles at the configured rate after the backlog, continuing the same event sequence, and pauses", async () => {
    const { stack, topics, topicNames, makeGenerator } = await scratch();
    const generator = makeGenerator(20, 300);
    await generator.start();
    await generator.whenBacklogComplete();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    generator.pause();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const atPause = await messagesEverWritten(topics.admin, topicNames.purchases);
    // ~20/s for ~2 s on top of the 300 (generous bounds: a loaded CI machine).
    expect(atPause).toBeGreaterThanOrEqual(320);
    expect(atPause).toBeLessThanOrEqual(360);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await messagesEverWritten(topics.admin, topicNames.purchases)).toBe(atPause);
    expect(generator.status().paused).toBe(true);
    await generator.stop();

    // Same seed → same messages in the same order per partition: events 0..n-1, keyed by customer.
    const requests = await messagesEverWritten(topics.admin, topicNames.requestlog);
    expect(await readTopic(stack.kafkaBrokers, topicNames.purchases, atPause)).toEqual(expectedPartitions("purchases", atPause));
    expect(await readTopic(stack.kafkaBrokers, topicNames.requestlog, requests)).toEqual(expectedPartitions("requestlog", requests));
  });

  it("bulk mode writes the same events, in the same order, to the same partitions as the live generator", async () => {
    const { stack, topics } = await scratch();
    const target = await topics.create(3);
    const progress: number[] = [];
    const result = await bulkProduce({
      brokers: stack.kafkaBrokers,
      topic: "purchases",
      targetTopic: target,
      count: 20_000,
      seed: SEED,
      // Small batches: many produce requests, several in flight.
      batchBytes: 64 * 1024,
      onProgress: ({ produced }) => progress.push(produced),
    });
    expect(result.produced).toBe(20_000);
    expect(progress.at(-1)).toBe(20_000);
    expect(await messagesEverWritten(topics.admin, target)).toBe(20_000);
    // Byte for byte the live generator's messages, on the same partitions, in the same order.
    expect(await readTopic(stack.kafkaBrokers, target, 20_000)).toEqual(expectedPartitions("purchases", 20_000));
  });
});
