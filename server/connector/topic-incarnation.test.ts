import { afterEach, describe, expect, it } from "vitest";
import mysql, { type RowDataPacket } from "mysql2/promise";
import { Partitioners, createKafka } from "../kafka/kafkajs-client";
import { testStack } from "../stack/testing/test-stack";
import { messageAt } from "../dataset/topics";
import { purchaseAt } from "../dataset/dataset";
import { PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { flushTransaction } from "./flush-transaction";
import { ensureSinkOffsetsTable, readSinkOffsets, upsertSinkOffsets } from "./sink-offsets";
import { createTopicIdReader } from "./topic-id-reader";
import { createWarehouseSink, type WarehouseSink } from "./warehouse-sink";
import { adminConnectionOptions, createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";

/** The old incarnation's data and the new one's differ, so a stale row cannot pass for a new one. */
const OLD_SEED = 1277;
const NEW_SEED = 9001;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

type Loaded = { customerId: string; amount: number; itemCode: string };
const keyOf = (row: Loaded) => `${row.customerId}|${Number(row.amount).toFixed(2)}|${row.itemCode}`;
const generatedKeys = (seed: number, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => keyOf(purchaseAt(seed, from + i))).sort();

async function setup() {
  const stack = testStack();
  const { topics, databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
  const topicIds = createTopicIdReader(stack.kafkaBrokers, "incarnation-test");
  cleanups.push(() => topicIds.close());
  const logs: string[] = [];
  const makeSink = (): WarehouseSink => {
    const sink = createWarehouseSink({
      ...scratchSinkOptions(stack, { databases, topic, dlqTopic }),
      flushIntervalMs: 1_000,
      sessionTimeoutMs: 6_000,
      log: (line) => logs.push(line),
    });
    cleanups.push(() => sink.close());
    return sink;
  };
  /** A fresh producer each time: one that knew the old incarnation may hold stale metadata. */
  const produce = async (seed: number, from: number, count: number) => {
    const producer = createKafka(stack.kafkaBrokers, "incarnation-test-producer").producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => messageAt("purchases", seed, from + i)), acks: -1 });
    } finally {
      await producer.disconnect();
    }
  };
  const purchasesTable = `${quoteIdentifier(databases.database)}.purchases`;
  const warehouse = async () => {
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT count(*) AS n, count(DISTINCT kafka_topic, kafka_partition, kafka_offset) AS distinctN FROM ${purchasesTable}`,
    );
    const [loaded] = await databases.admin.query<RowDataPacket[]>(`SELECT customerId, amount, itemCode FROM ${purchasesTable}`);
    return { n: Number(rows[0]!.n), distinctN: Number(rows[0]!.distinctN), keys: loaded.map((row) => keyOf(row as Loaded)).sort() };
  };
  const storedOffsets = async () => {
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT kafka_partition AS p, next_offset AS next, topic_id AS id FROM ${quoteIdentifier(databases.offsetsDatabase)}.sink_offsets WHERE topic = ?`,
      [topic],
    );
    return { total: rows.reduce((sum, row) => sum + Number(row.next), 0), ids: new Set(rows.map((row) => row.id as string | null)) };
  };
  /** Caught up: nothing left in Kafka past the warehouse offsets, and `rows` rows loaded. */
  const waitForLoaded = (sink: WarehouseSink, rows: number, timeoutMs = 60_000) =>
    waitFor(
      `${rows} rows and no lag`,
      async () => (await sink.status()).lagMessages === 0 && (await warehouse()).n === rows,
      timeoutMs,
      250,
    );
  return { stack, topics, databases, topic, topicIds, logs, makeSink, produce, warehouse, storedOffsets, waitForLoaded };
}

describe("sink connector and topic incarnations", () => {
  it.each([
    { old: 600, fresh: 200 },
    { old: 300, fresh: 900 },
  ])(
    "connector reloads a re-created topic from its start instead of trusting the old offsets ($old old, $fresh new messages)",
    async ({ old, fresh }) => {
      const { topic, topics, topicIds, makeSink, produce, warehouse, storedOffsets, waitForLoaded } = await setup();
      await produce(OLD_SEED, 0, old);
      const first = makeSink();
      await first.start();
      await waitForLoaded(first, old);
      await first.close();
      const oldId = await topicIds.topicId(topic);

      await topics.recreate(topic);
      await produce(NEW_SEED, 0, fresh);
      const newId = await topicIds.topicId(topic);
      expect(newId).not.toBe(oldId);

      const second = makeSink();
      await second.start();
      await waitForLoaded(second, fresh);
      await second.flushNow();
      const loaded = await warehouse();
      expect({ n: loaded.n, distinctN: loaded.distinctN }).toEqual({ n: fresh, distinctN: fresh });
      expect(loaded.keys).toEqual(generatedKeys(NEW_SEED, 0, fresh));
      expect(await storedOffsets()).toEqual({ total: fresh, ids: new Set([newId]) });
      const status = await second.status();
      expect(status.incarnationReset?.rowsDeleted).toBe(old);
      expect(status.incarnationReset?.reason).toContain(oldId);
      expect(status.detail).toMatch(/reset at .* for a new incarnation .*\(\d+ old rows deleted\)/);
      expect(status.rowsLoaded).toBe(fresh);
    },
    90_000,
  );

  it("legacy offsets beyond the high watermark are reset", async () => {
    const { topic, databases, topicIds, makeSink, produce, warehouse, storedOffsets, waitForLoaded } = await setup();
    await produce(NEW_SEED, 0, 300);
    // An install from before topic IDs were recorded, loaded from a longer, older topic of this
    // name: its offsets lie beyond this topic's end, and its rows sit on coordinates the new
    // messages will have.
    const offsetsTable = `${quoteIdentifier(databases.offsetsDatabase)}.sink_offsets`;
    await databases.admin.query(`CREATE DATABASE ${quoteIdentifier(databases.offsetsDatabase)}`);
    await databases.admin.query(
      `CREATE TABLE ${offsetsTable} (topic VARCHAR(249) NOT NULL, kafka_partition INT NOT NULL, next_offset BIGINT NOT NULL,
       updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (topic, kafka_partition)) ENGINE=InnoDB`,
    );
    await databases.admin.query(`INSERT INTO ${offsetsTable} (topic, kafka_partition, next_offset) VALUES ?`, [
      [0, 1, 2].map((p) => [topic, p, 2_000]),
    ]);
    await databases.admin.query(`USE ${quoteIdentifier(databases.database)}`);
    await databases.admin.query(PURCHASES_TABLE_DDL);
    const oldRows = Array.from({ length: 150 }, (_, i) => {
      const purchase = purchaseAt(OLD_SEED, i);
      return [purchase.customerId, purchase.amount, purchase.itemCode, topic, i % 3, Math.floor(i / 3)];
    });
    await databases.admin.query(
      `INSERT INTO purchases (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ?`,
      [oldRows],
    );

    const sink = makeSink();
    await sink.start();
    await waitForLoaded(sink, 300);
    const loaded = await warehouse();
    expect({ n: loaded.n, distinctN: loaded.distinctN }).toEqual({ n: 300, distinctN: 300 });
    expect(loaded.keys).toEqual(generatedKeys(NEW_SEED, 0, 300));
    // Migrated in place: the column exists now, and every row carries the topic's ID.
    expect(await storedOffsets()).toEqual({ total: 300, ids: new Set([await topicIds.topicId(topic)]) });
    const status = await sink.status();
    expect(status.incarnationReset).toMatchObject({
      rowsDeleted: 150,
      reason: expect.stringMatching(/legacy offsets .* 0: next 2000 > high watermark \d+/),
    });
  }, 90_000);

  it("legacy offsets within the high watermarks are kept and given the topic ID", async () => {
    const { topic, databases, topicIds, makeSink, produce, warehouse, storedOffsets, waitForLoaded } = await setup();
    await produce(OLD_SEED, 0, 300);
    const first = makeSink();
    await first.start();
    await waitForLoaded(first, 300);
    await first.close();
    // As an install from before topic IDs left it.
    await databases.admin.query(`ALTER TABLE ${quoteIdentifier(databases.offsetsDatabase)}.sink_offsets DROP COLUMN topic_id`);
    await produce(OLD_SEED, 300, 200);

    const second = makeSink();
    await second.start();
    await waitForLoaded(second, 500);
    const loaded = await warehouse();
    expect({ n: loaded.n, distinctN: loaded.distinctN }).toEqual({ n: 500, distinctN: 500 });
    expect(loaded.keys).toEqual(generatedKeys(OLD_SEED, 0, 500));
    expect(await storedOffsets()).toEqual({ total: 500, ids: new Set([await topicIds.topicId(topic)]) });
    const status = await second.status();
    expect(status.incarnationReset).toBeNull();
    expect(status.rowsLoaded).toBe(200);
  }, 90_000);

  it.each([
    { old: 500, fresh: 200 },
    { old: 200, fresh: 700 },
  ])(
    "a topic re-created while the connector runs is detected at the next flush ($old old, $fresh new messages)",
    async ({ old, fresh }) => {
      const { topic, topics, topicIds, logs, makeSink, produce, warehouse, storedOffsets, waitForLoaded } = await setup();
      await produce(OLD_SEED, 0, old);
      const sink = makeSink();
      await sink.start();
      await waitForLoaded(sink, old);

      await topics.recreate(topic);
      await produce(NEW_SEED, 0, fresh);
      const newId = await topicIds.topicId(topic);
      await waitFor(
        "the new incarnation to be loaded",
        async () => (await warehouse()).keys.join("\n") === generatedKeys(NEW_SEED, 0, fresh).join("\n"),
        60_000,
        500,
      );
      await waitForLoaded(sink, fresh);
      await sink.flushNow();
      const loaded = await warehouse();
      expect({ n: loaded.n, distinctN: loaded.distinctN }).toEqual({ n: fresh, distinctN: fresh });
      expect(await storedOffsets()).toEqual({ total: fresh, ids: new Set([newId]) });
      expect((await sink.status()).incarnationReset?.rowsDeleted).toBe(old);
      expect(logs.some((line) => line.includes(`now has topic ID ${newId}`))).toBe(true);
    },
    90_000,
  );

  it("a flush read from one incarnation does not commit once sink_offsets counts in another", async () => {
    const { stack, databases, topic } = await setup();
    const pool = mysql.createPool({ ...adminConnectionOptions(stack.mysqlAdminUrl), connectionLimit: 1 });
    cleanups.push(() => pool.end());
    const connection = await pool.getConnection();
    try {
      await connection.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(databases.offsetsDatabase)}`);
      await ensureSinkOffsetsTable(connection, databases.offsetsDatabase);
      await connection.query(`USE ${quoteIdentifier(databases.database)}`);
      await connection.query(PURCHASES_TABLE_DDL);
      // Another connector already reset for the new incarnation and loaded 10 of its messages.
      await upsertSinkOffsets(connection, databases.offsetsDatabase, topic, "11111111-2222-3333-4444-555555555555", new Map([[0, 10]]));
    } finally {
      connection.release();
    }
    const flush = flushTransaction(pool, {
      database: databases.database,
      offsetsDatabase: databases.offsetsDatabase,
      topic,
      topicId: "99999999-8888-7777-6666-555555555555",
      rows: [{ ...purchaseAt(OLD_SEED, 0), partition: 0, offset: 10 }],
      expectedOffsets: new Map([[0, 10]]),
      nextOffsets: new Map([[0, 11]]),
    });
    await expect(flush).rejects.toMatchObject({ code: "internal:sink_topic_changed" });
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT count(*) AS n FROM ${quoteIdentifier(databases.database)}.purchases`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const check = await pool.getConnection();
    try {
      expect(await readSinkOffsets(check, databases.offsetsDatabase, topic)).toEqual(
        new Map([[0, { next: 10, topicId: "11111111-2222-3333-4444-555555555555" }]]),
      );
    } finally {
      check.release();
    }
  });

  it("offsets that retention removed resume at the log start without a reset, and the gap is logged", async () => {
    const { topic, topics, logs, makeSink, produce, warehouse, waitForLoaded } = await setup();
    await produce(OLD_SEED, 0, 300);
    const first = makeSink();
    await first.start();
    await waitForLoaded(first, 300);
    await first.close();
    await produce(OLD_SEED, 300, 300);
    // Retention: every partition keeps only its last 20 messages, past what the warehouse loaded.
    const highs = await topics.admin.fetchTopicOffsets(topic);
    await topics.admin.deleteTopicRecords({
      topic,
      partitions: highs.map(({ partition, high }) => ({ partition, offset: String(Number(high) - 20) })),
    });

    const second = makeSink();
    await second.start();
    await waitForLoaded(second, 300 + 3 * 20);
    const status = await second.status();
    expect(status.incarnationReset).toBeNull();
    expect(status.rowsLoaded).toBe(60);
    expect(Object.values(status.committedOffsets).reduce((a, b) => a + b, 0)).toBe(600);
    expect((await warehouse()).distinctN).toBe(360);
    expect(logs.filter((line) => line.startsWith("GAP: retention removed")).length).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
