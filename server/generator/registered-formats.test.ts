import { afterEach, describe, expect, it } from "vitest";
import { createKafka } from "../kafka/kafkajs-client";
import { messagesEverWritten } from "../kafka/topic-offsets";
import { testStack } from "../stack/testing/test-stack";
import { createScratchTopics, waitFor } from "../connector/testing/scratch-pipeline";
import { ValueDecoder } from "../decoding/value-decoder";
import { readConfluentFrame } from "../decoding/wire-format";
import { TestRegistry } from "../schema-registry/testing/registry-test-kit";
import { purchaseAt, requestAt } from "../dataset/dataset";
import { bulkProduce } from "./bulk-produce";
import type { ValueFormat } from "./event-schemas";
import { createGenerator } from "./generator";

const SEED = 1277;
const COUNT = 400;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

/** Every value of `topic` as `partition/offset` → bytes. */
async function readValues(brokers: string[], topic: string, expected: number): Promise<Map<string, Buffer>> {
  const consumer = createKafka(brokers, "registered-formats-reader").consumer({ groupId: `${topic}-reader` });
  cleanups.push(() => consumer.disconnect());
  const values = new Map<string, Buffer>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      values.set(`${partition}/${message.offset}`, message.value ?? Buffer.alloc(0));
    },
  });
  await waitFor(`${expected} messages from ${topic}`, () => values.size >= expected, 30_000);
  await consumer.disconnect();
  return values;
}

describe("generator in a registered format", () => {
  it.each<ValueFormat>(["avro", "protobuf"])(
    "%s: the live generator and bulk mode write the same framed bytes, which decode to the dataset's events",
    async (format) => {
      const stack = testStack();
      const registry = new TestRegistry();
      cleanups.push(() => registry.dispose());
      await registry.start();
      const topics = await createScratchTopics(stack.kafkaBrokers);
      cleanups.push(() => topics.drop());
      const topicNames = { purchases: await topics.create(3), requestlog: await topics.create(3) };
      const generator = createGenerator({
        brokers: stack.kafkaBrokers,
        seed: SEED,
        backlog: COUNT,
        ratePerTopic: 0,
        topicNames,
        format,
        registry: { url: registry.url },
      });
      cleanups.push(() => generator.stop());
      await generator.start();
      await generator.whenBacklogComplete();
      const status = generator.status();
      expect(status).toMatchObject({ format, healthy: true, produced: { purchases: COUNT, requestlog: COUNT } });

      const bulkTarget = await topics.create(3);
      await bulkProduce({
        brokers: stack.kafkaBrokers,
        topic: "purchases",
        targetTopic: bulkTarget,
        count: COUNT,
        seed: SEED,
        format,
        registry: { url: registry.url },
      });
      expect(await messagesEverWritten(topics.admin, bulkTarget)).toBe(COUNT);

      const live = await readValues(stack.kafkaBrokers, topicNames.purchases, COUNT);
      const bulk = await readValues(stack.kafkaBrokers, bulkTarget, COUNT);
      // The same schema under another subject keeps its id, so the bytes are identical too.
      expect([...bulk].map(([at, value]) => `${at} ${value.toString("base64")}`).sort()).toEqual(
        [...live].map(([at, value]) => `${at} ${value.toString("base64")}`).sort(),
      );

      const decoder = new ValueDecoder({ registry: { url: registry.url } });
      const decodedPurchases = await Promise.all([...live.values()].map((value) => decoder.decode(value)));
      const requests = await readValues(stack.kafkaBrokers, topicNames.requestlog, COUNT);
      const decodedRequests = await Promise.all([...requests.values()].map((value) => decoder.decode(value)));
      const asText = (event: object) => JSON.stringify(event);
      const purchasesSeen = decodedPurchases.map((result) => {
        const value = result.ok ? (result.value as { amount: unknown }) : {};
        return asText({ ...value, amount: Number((value as { amount?: unknown }).amount) });
      });
      const expectedPurchases = Array.from({ length: COUNT }, (_, index) => asText(purchaseAt(SEED, index)));
      expect(purchasesSeen.sort()).toEqual(expectedPurchases.sort());
      const requestsSeen = decodedRequests.map((result) => asText(result.ok ? (result.value as object) : {}));
      expect(requestsSeen.sort()).toEqual(Array.from({ length: COUNT }, (_, index) => asText(requestAt(SEED, index))).sort());
      const frame = readConfluentFrame([...live.values()][0]!);
      expect(frame).toMatchObject({ kind: "framed", schemaId: status.schemaIds.purchases });
    },
  );
});
