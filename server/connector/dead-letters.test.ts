import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Partitioners, createKafka } from "../kafka/kafkajs-client";
import type { RowDataPacket } from "mysql2/promise";
import { createTopicsAndWait } from "../kafka/topic-creation";
import { testStack } from "../stack/testing/test-stack";
import { messageAt } from "../dataset/topics";
import { PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { DLQ_HEADERS } from "./dead-letter";
import { createWarehouseSink, type WarehouseSink } from "./warehouse-sink";
import { createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";
import { readDeadLetterTopic } from "./testing/dead-letter-reader";
import { poisonCorpus } from "./testing/poison-corpus";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const DLQ_MAX_MESSAGE_BYTES = 64 * 1024;

async function setup() {
  const stack = testStack();
  const { topics, databases, topic } = await createScratchSinkTargets(stack, cleanups);
  // A DLQ far smaller than the poison, so the broker's limits are exercised without huge data.
  const dlqTopic = `test-${randomUUID()}`;
  await createTopicsAndWait(topics.admin, [
    {
      topic: dlqTopic,
      numPartitions: 1,
      replicationFactor: 1,
      configEntries: [{ name: "max.message.bytes", value: String(DLQ_MAX_MESSAGE_BYTES) }],
    },
  ]);
  cleanups.push(() => topics.admin.deleteTopics({ topics: [dlqTopic] }));
  const producer = createKafka(stack.kafkaBrokers, "dead-letter-test-producer").producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  const makeSink = (overrides: Partial<Parameters<typeof createWarehouseSink>[0]> = {}): WarehouseSink => {
    const sink = createWarehouseSink({ ...scratchSinkOptions(stack, { databases, topic, dlqTopic }), ...overrides });
    cleanups.push(() => sink.close());
    return sink;
  };
  const rows = async () => {
    const [result] = await databases.admin.query<RowDataPacket[]>(
      `SELECT count(*) AS n, count(DISTINCT kafka_partition, kafka_offset) AS distinctN FROM ${quoteIdentifier(databases.database)}.purchases`,
    );
    return { n: Number(result[0]!.n), distinctN: Number(result[0]!.distinctN) };
  };
  /** Where each produced message landed, `partition:offset`. */
  const produce = async (messages: Array<{ key: string | null; value: Buffer | string | null }>) => {
    const coordinates: string[] = [];
    for (const message of messages) {
      const [meta] = await producer.send({ topic, acks: -1, messages: [message] });
      coordinates.push(`${meta!.partition}:${meta!.baseOffset}`);
    }
    return coordinates;
  };
  return { stack, topics, databases, topic, dlqTopic, producer, makeSink, rows, produce };
}

describe("dead letters", () => {
  it("five 1 MB values and 200 assorted poison messages never stall loading: every good row loaded once, every bad message in the DLQ once, oversize ones truncated with their size", async () => {
    const { stack, dlqTopic, makeSink, rows, produce } = await setup();
    const good = Array.from({ length: 300 }, (_, i) => messageAt("purchases", 1277, i));
    const poison = poisonCorpus(200);
    const huge = Array.from({ length: 5 }, (_, i) => ({ key: `CU-10${i}0`, value: Buffer.alloc(1_000_000, 0x61 + i) }));
    // Interleaved, so bad messages sit between good ones on every partition.
    const mixed = [
      ...good.slice(0, 100),
      ...huge,
      ...poison.slice(0, 100),
      ...good.slice(100, 200),
      ...poison.slice(100),
      ...good.slice(200),
    ];
    const coordinates = await produce(mixed.map(({ key, value }) => ({ key: key ?? null, value })));
    const bad = new Set(coordinates.filter((_, i) => !good.includes(mixed[i] as (typeof good)[number])));
    expect(bad.size).toBe(205);

    const sink = makeSink();
    await sink.start();
    await waitFor("300 good rows", async () => (await rows()).n === 300, 60_000);
    await waitFor(
      "the outbox to empty",
      async () => (await sink.status()).deadLettersPending === 0 && (await sink.status()).deadLettered === 205,
      30_000,
    );
    await sink.drainDeadLetters();
    expect(await rows()).toEqual({ n: 300, distinctN: 300 });

    const letters = await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic);
    const letterCoordinates = letters.map((letter) => `${letter.headers[DLQ_HEADERS.partition]}:${letter.headers[DLQ_HEADERS.offset]}`);
    expect(letterCoordinates.length).toBe(205);
    expect(new Set(letterCoordinates)).toEqual(bad);
    const truncated = letters.filter((letter) => letter.headers[DLQ_HEADERS.truncated] === "true");
    // The five 1 MB values and the corpus's 70 KB ones: all larger than the DLQ takes.
    const oversizedInCorpus = poison.filter(({ value }) => value !== null && Buffer.byteLength(value) > DLQ_MAX_MESSAGE_BYTES).length;
    expect(truncated).toHaveLength(5 + oversizedInCorpus);
    expect(truncated.filter((letter) => letter.headers[DLQ_HEADERS.originalBytes] === "1000000")).toHaveLength(5);
    for (const letter of truncated) {
      expect(Number(letter.headers[DLQ_HEADERS.originalBytes])).toBeGreaterThan(DLQ_MAX_MESSAGE_BYTES);
      expect(letter.headers[DLQ_HEADERS.reason]).toMatch(/^oversized:/);
      expect(letter.value!.length).toBeLessThan(DLQ_MAX_MESSAGE_BYTES);
      expect(letter.value!.length).toBeGreaterThan(DLQ_MAX_MESSAGE_BYTES / 2);
    }
    // Every letter says why; poison values that fit are kept byte for byte.
    for (const letter of letters) expect(letter.headers[DLQ_HEADERS.reason]).toMatch(/^[a-z0-9_]+: /);
    const status = await sink.status();
    expect(status).toMatchObject({ healthy: true, failure: null, flushAttempts: 0, deadLetterFailure: null, lagMessages: 0 });
  }, 120_000);

  it("a row the warehouse rejects is dead-lettered in the same flush, with the MySQL error, without a failed flush", async () => {
    const { stack, databases, dlqTopic, makeSink, rows, produce } = await setup();
    await databases.admin.query(`USE ${quoteIdentifier(databases.database)}`);
    await databases.admin.query(PURCHASES_TABLE_DDL);
    // A rule decodePurchase knows nothing about: only the warehouse can refuse these rows.
    await databases.admin.query(`ALTER TABLE purchases ADD CONSTRAINT refuse_marked CHECK (itemCode <> 'REFUSE-ME')`);
    const good = Array.from({ length: 120 }, (_, i) => messageAt("purchases", 1277, i));
    const refused = [0, 1].map((i) => ({
      key: "CU-1001",
      value: JSON.stringify({ customerId: "CU-1001", amount: 10 + i, itemCode: "REFUSE-ME" }),
    }));
    const coordinates = await produce([...good.slice(0, 60), ...refused, ...good.slice(60)]);
    const sink = makeSink();
    await sink.start();
    await waitFor("120 good rows", async () => (await rows()).n === 120, 30_000);
    await waitFor("two letters delivered", async () => (await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic)).length >= 2, 20_000);
    const letters = await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic);
    expect(letters.map((letter) => `${letter.headers[DLQ_HEADERS.partition]}:${letter.headers[DLQ_HEADERS.offset]}`)).toEqual(
      coordinates.slice(60, 62),
    );
    for (const letter of letters) {
      expect(letter.headers[DLQ_HEADERS.reason]).toMatch(/^rejected_by_warehouse: MySQL error \d+: .*refuse_marked/);
      expect(letter.value!.toString()).toContain("REFUSE-ME");
    }
    const status = await sink.status();
    expect(status).toMatchObject({ healthy: true, flushAttempts: 0, rowsLoaded: 120, deadLettered: 2 });
  }, 60_000);
});
