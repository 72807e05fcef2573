import { afterEach, describe, expect, it } from "vitest";
import { Partitioners, type Producer, createKafka } from "../kafka/kafkajs-client";
import type { RowDataPacket } from "mysql2/promise";
import { testStack } from "../stack/testing/test-stack";
import { messageAt } from "../dataset/topics";
import { purchaseAt } from "../dataset/dataset";
import { DLQ_HEADERS } from "./dead-letter";
import { createWarehouseSink, type WarehouseSink } from "./warehouse-sink";
import { createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

async function setup(flushIntervalMs = 1_000) {
  const stack = testStack();
  const { topics, databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
  const producer = createKafka(stack.kafkaBrokers, "sink-test-producer").producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  const makeSink = (): WarehouseSink => {
    const sink = createWarehouseSink({
      ...scratchSinkOptions(stack, { databases, topic, dlqTopic }),
      flushIntervalMs,
      sessionTimeoutMs: 6_000,
    });
    cleanups.push(() => sink.close());
    return sink;
  };
  const rowCount = async () => {
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT count(*) AS n, count(DISTINCT kafka_topic, kafka_partition, kafka_offset) AS distinctN FROM \`${databases.database}\`.purchases`,
    );
    return { n: Number(rows[0]!.n), distinctN: Number(rows[0]!.distinctN) };
  };
  return { stack, topics, databases, topic, dlqTopic, producer, makeSink, rowCount };
}

async function producePurchases(producer: Producer, topic: string, from: number, count: number): Promise<void> {
  const messages = Array.from({ length: count }, (_, i) => messageAt("purchases", 1277, from + i));
  await producer.send({ topic, messages, acks: -1 });
}

describe("warehouse sink", () => {
  it("loads every purchase once, with Kafka coordinates, and resumes from the warehouse offsets after a restart", async () => {
    const { producer, topic, databases, makeSink, rowCount } = await setup();
    await producePurchases(producer, topic, 0, 1_500);
    const first = makeSink();
    await first.start();
    await waitFor("1,500 rows", async () => (await rowCount()).n === 1_500, 30_000);
    // The rows are visible as soon as the flush's transaction commits; its counters follow a moment later.
    await waitFor("the flushes to be counted", async () => (await first.status()).rowsLoaded >= 1_500, 5_000);
    const status = await first.status();
    expect(status.rowsLoaded).toBe(1_500);
    expect(Object.values(status.committedOffsets).reduce((a, b) => a + b, 0)).toBe(1_500);
    await waitFor("zero lag", async () => (await first.status()).lagMessages === 0, 10_000);
    await first.close();

    // A new process continues where the warehouse says, not from the beginning.
    await producePurchases(producer, topic, 1_500, 500);
    const second = makeSink();
    await second.start();
    await waitFor("2,000 rows", async () => (await rowCount()).n === 2_000, 30_000);
    await second.flushNow();
    expect(await rowCount()).toEqual({ n: 2_000, distinctN: 2_000 });
    expect((await second.status()).rowsLoaded).toBe(500);

    // The rows are the produced purchases, amounts intact at DOUBLE(10,3).
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT customerId, amount, itemCode, kafka_topic FROM \`${databases.database}\`.purchases ORDER BY customerId, amount, itemCode`,
    );
    const expected = Array.from({ length: 2_000 }, (_, i) => purchaseAt(1277, i)).sort(
      (a, b) => a.customerId.localeCompare(b.customerId) || a.amount - b.amount || a.itemCode.localeCompare(b.itemCode),
    );
    expect(rows.map((row) => ({ customerId: row.customerId, amount: Number(row.amount), itemCode: row.itemCode }))).toEqual(expected);
    expect(new Set(rows.map((row) => row.kafka_topic))).toEqual(new Set([topic]));
  });

  it("sends poison pills to the dead-letter topic with the reason and keeps loading good rows after them", async () => {
    const { producer, topic, dlqTopic, makeSink, rowCount, stack } = await setup();
    const good = (i: number) => messageAt("purchases", 1277, i);
    const pills = [
      { key: "CU-1001", value: "this is not json", reason: "not_json" },
      { key: "CU-1001", value: '{"customerId":"CU-1001","itemCode":"96385074"}', reason: "missing_field" },
      { key: "CU-1001", value: '{"customerId":"CU-1001","amount":"12.5","itemCode":"96385074"}', reason: "wrong_type" },
      { key: "CU-1001", value: '{"customerId":"CU-1001","amount":1e12,"itemCode":"96385074"}', reason: "invalid_field" },
      { key: "CU-1001", value: '{"customerId":"nobody","amount":12.5,"itemCode":"96385074"}', reason: "invalid_field" },
      {
        key: "CU-1001",
        value: JSON.stringify({ customerId: "CU-1001", amount: 12.5, itemCode: "1", pad: "x".repeat(70_000) }),
        reason: "oversized",
      },
    ];
    // All on one key (one partition), between good rows on that same partition.
    await producer.send({ topic, messages: [good(0), ...pills.map(({ key, value }) => ({ key, value })), good(1)], acks: -1 });
    await producer.send({ topic, messages: Array.from({ length: 98 }, (_, i) => good(i + 2)), acks: -1 });
    const sink = makeSink();
    await sink.start();
    await waitFor("100 good rows", async () => (await rowCount()).n === 100, 30_000);
    // The rows are visible as soon as the flush's transaction commits; its counters follow a moment later.
    await waitFor("the flush to be counted", async () => (await sink.status()).rowsLoaded === 100, 5_000);
    const status = await sink.status();
    expect(status.deadLettered).toBe(pills.length);
    expect(status.lagMessages).toBe(0);
    expect(status.healthy).toBe(true);

    const consumer = createKafka(stack.kafkaBrokers, "dlq-reader").consumer({ groupId: `${dlqTopic}-reader` });
    cleanups.push(() => consumer.disconnect());
    const received: Array<{ value: string; headers: Record<string, string> }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]));
        received.push({ value: message.value?.toString() ?? "", headers });
      },
    });
    await waitFor("dead letters", () => received.length >= pills.length, 30_000);
    expect(received.map((letter) => letter.value)).toEqual(pills.map((pill) => pill.value));
    for (const [i, letter] of received.entries()) {
      expect(letter.headers[DLQ_HEADERS.reason]).toMatch(new RegExp(`^${pills[i]!.reason}:`));
      expect(letter.headers[DLQ_HEADERS.topic]).toBe(topic);
      expect(Number(letter.headers[DLQ_HEADERS.offset])).toBe(i + 1);
      expect(letter.headers[DLQ_HEADERS.partition]).toMatch(/^[0-2]$/);
    }
  });

  it("stops loading on request while lag grows, and catches up when started again", async () => {
    const { producer, topic, makeSink, rowCount } = await setup();
    await producePurchases(producer, topic, 0, 300);
    const sink = makeSink();
    await sink.start();
    await waitFor("300 rows", async () => (await rowCount()).n === 300, 30_000);
    await sink.stopLoading();
    await producePurchases(producer, topic, 300, 200);
    await waitFor("lag of 200", async () => (await sink.status()).lagMessages === 200, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const stopped = await sink.status();
    expect(stopped.running).toBe(false);
    expect(stopped.lagSeconds).toBeGreaterThan(1);
    expect((await rowCount()).n).toBe(300);

    await sink.startLoading();
    await waitFor("500 rows", async () => (await rowCount()).n === 500, 30_000);
    expect(await rowCount()).toEqual({ n: 500, distinctN: 500 });
    await waitFor("zero lag", async () => (await sink.status()).lagMessages === 0, 10_000);
  });

  it("a restarted pipeline loads what it missed as soon as it has read it, not a flush interval later", async () => {
    const { producer, topic, makeSink, rowCount } = await setup(30_000);
    await producePurchases(producer, topic, 0, 300);
    const sink = makeSink();
    const started = Date.now();
    await sink.start();
    await waitFor("300 rows", async () => (await rowCount()).n === 300, 15_000, 100);
    const firstLoadMs = Date.now() - started;
    await sink.stopLoading();
    await producePurchases(producer, topic, 300, 200);
    const restarted = Date.now();
    await sink.startLoading();
    await waitFor("500 rows", async () => (await rowCount()).n === 500, 15_000, 100);
    const catchUpMs = Date.now() - restarted;
    console.log(`catch-up with a 30 s interval: first start ${firstLoadMs} ms, restart ${catchUpMs} ms`);
    // Far below the 30 s interval (about 0.1-0.4 s here; the margin is for a loaded machine).
    expect(catchUpMs).toBeLessThan(5_000);
    expect(await rowCount()).toEqual({ n: 500, distinctN: 500 });
  });
});
