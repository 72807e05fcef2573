import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Partitioners, createKafka } from "../kafka/kafkajs-client";
import type { RowDataPacket } from "mysql2/promise";
import { testStack } from "../stack/testing/test-stack";
import { messageAt } from "../dataset/topics";
import { PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { createWarehouseSink } from "./warehouse-sink";
import { adminConnectionOptions, createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

describe("a flush failing for a reason other than its data", () => {
  it("backs off, reports its cause in status, and loads everything once the warehouse accepts again", async () => {
    const stack = testStack();
    const { databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
    const { admin, database, offsetsDatabase } = databases;
    // A scratch writer whose INSERT on purchases is a table grant: revoking it bites at once.
    const user = `t_writer_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    await admin.query(`USE ${quoteIdentifier(database)}`);
    await admin.query(PURCHASES_TABLE_DDL);
    await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
    cleanups.push(async () => void (await admin.query(`DROP USER IF EXISTS ?@'%'`, [user])));
    await admin.query(`GRANT SELECT, CREATE, DELETE ON ${quoteIdentifier(database)}.* TO ?@'%'`, [user]);
    await admin.query(`GRANT ALL ON ${quoteIdentifier(offsetsDatabase)}.* TO ?@'%'`, [user]);
    await admin.query(`GRANT INSERT ON ${quoteIdentifier(database)}.purchases TO ?@'%'`, [user]);

    const producer = createKafka(stack.kafkaBrokers, "flush-failure-producer").producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const produce = (from: number, count: number) =>
      producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => messageAt("purchases", 1277, from + i)) });
    const loaded = async () => {
      const [rows] = await admin.query<RowDataPacket[]>(
        `SELECT count(*) AS n, count(DISTINCT kafka_partition, kafka_offset) AS distinctN FROM ${quoteIdentifier(database)}.purchases`,
      );
      return { n: Number(rows[0]!.n), distinctN: Number(rows[0]!.distinctN) };
    };

    const { host, port } = adminConnectionOptions(stack.mysqlAdminUrl);
    const sink = createWarehouseSink({
      ...scratchSinkOptions(stack, { databases, topic, dlqTopic }),
      mysql: { host, port, user, password },
    });
    cleanups.push(() => sink.close());
    await produce(0, 100);
    await sink.start();
    await waitFor("100 rows", async () => (await loaded()).n === 100, 30_000);

    await admin.query(`REVOKE INSERT ON ${quoteIdentifier(database)}.purchases FROM ?@'%'`, [user]);
    await produce(100, 100);
    await waitFor("three failed attempts", async () => (await sink.status()).flushAttempts >= 3, 30_000);
    const failing = await sink.status();
    expect(failing.healthy).toBe(false);
    expect(failing.detail).toMatch(/^pipeline failing: warehouse flush failed .*INSERT command denied/);
    expect(failing.failure).toMatch(/INSERT command denied/);
    expect(Date.parse(failing.failingSince!)).toBeLessThanOrEqual(Date.now());
    expect(failing.nextRetryAt).not.toBeNull();
    // Exponential: after three failures the next waits are 2 s and 4 s, not the 1 s interval.
    const attemptsBefore = (await sink.status()).flushAttempts;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await sink.status()).flushAttempts - attemptsBefore).toBeLessThanOrEqual(2);
    expect((await loaded()).n).toBe(100);

    await admin.query(`GRANT INSERT ON ${quoteIdentifier(database)}.purchases TO ?@'%'`, [user]);
    await waitFor("200 rows", async () => (await loaded()).n === 200, 40_000);
    await waitFor("healthy again", async () => (await sink.status()).healthy, 10_000);
    expect(await loaded()).toEqual({ n: 200, distinctN: 200 });
    expect(await sink.status()).toMatchObject({ failure: null, failingSince: null, flushAttempts: 0, nextRetryAt: null });
  }, 120_000);
});
