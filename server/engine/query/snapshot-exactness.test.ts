import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStack } from "../../stack/testing/test-stack";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";

let kit: EngineTestKit;
let engine: KafkaSqlEngine;

beforeAll(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
  engine = await kit.startEngine();
});
afterAll(async () => {
  await kit.close();
});

describe("snapshot semantics", () => {
  it("sees exactly the messages between log start and the high watermarks it reports, while a producer writes", async () => {
    const topic = await kit.createTopic(3);
    let producing = true;
    let produced = 0;
    const producer = (async () => {
      while (producing) {
        const batch = Array.from({ length: 200 }, (_, i) => ({ n: produced + i, customerId: `CU-${(produced + i) % 7}` }));
        await kit.produce(topic, batch, (i) => `k${produced + i}`);
        produced += batch.length;
      }
    })();
    try {
      let checked = 0;
      const sawGrowth = new Set<number>();
      while (checked < 12) {
        const result = await engine.query(
          `SELECT _partition, count(*), min(_offset), max(_offset) FROM "${topic}" GROUP BY _partition ORDER BY _partition`,
        );
        const bounds = result.snapshot && "topics" in result.snapshot ? result.snapshot.topics[topic]! : [];
        const expected = bounds
          .filter((b) => BigInt(b.highWatermark) > BigInt(b.logStartOffset))
          .map((b) => [
            b.partition,
            Number(BigInt(b.highWatermark) - BigInt(b.logStartOffset)),
            Number(b.logStartOffset),
            Number(b.highWatermark) - 1,
          ]);
        expect(result.rows).toEqual(expected);
        const total = expected.reduce((sum, row) => sum + row[1]!, 0);
        sawGrowth.add(total);
        checked += 1;
      }
      expect(sawGrowth.size).toBeGreaterThan(1);
    } finally {
      producing = false;
      await producer;
    }
    // Every Kafka coordinate once: no duplicate and no missing row.
    const final = await engine.query(`SELECT count(*), count(DISTINCT (_partition, _offset)) FROM "${topic}"`);
    const bounds = final.snapshot && "topics" in final.snapshot ? final.snapshot.topics[topic]! : [];
    const messages = bounds.reduce((sum, b) => sum + Number(BigInt(b.highWatermark) - BigInt(b.logStartOffset)), 0);
    expect(messages).toBeGreaterThanOrEqual(produced);
    expect(final.rows).toEqual([[messages, messages]]);
  });

  it("joins two topics at one snapshot and reports both topics' offsets", async () => {
    const purchases = await kit.createTopic(2);
    const requests = await kit.createTopic(2);
    await kit.produce(purchases, [
      { customerId: "CU-1", amount: 10 },
      { customerId: "CU-2", amount: 20 },
      { customerId: "CU-1", amount: 5 },
    ]);
    await kit.produce(requests, [
      { customerId: "CU-1", userAgent: "Firefox" },
      { customerId: "CU-2", userAgent: "Chrome" },
    ]);
    const result = await engine.query(`
      WITH totals AS (SELECT customerid, sum(amount) AS total FROM "${purchases}" GROUP BY customerid)
      SELECT t.customerid, t.total, r.useragent, rank() OVER (ORDER BY t.total DESC) AS place
      FROM totals t JOIN "${requests}" r ON r.customerid = t.customerid
      ORDER BY place`);
    expect(result.rows).toEqual([
      ["CU-2", 20, "Chrome", 1],
      ["CU-1", 15, "Firefox", 2],
    ]);
    const topics = result.snapshot && "topics" in result.snapshot ? Object.keys(result.snapshot.topics).sort() : [];
    expect(topics).toEqual([purchases, requests].sort());
    expect(result.snapshot && "freshnessMs" in result.snapshot ? result.snapshot.freshnessMs : null).toBeGreaterThanOrEqual(0);
  });

  it("answers the seed's queries unchanged, with MySQL's column names", async () => {
    const topic = await kit.createTopic(3);
    await kit.produce(topic, [
      { customerId: "CU-1277", userAgent: "Firefox" },
      { customerId: "CU-1277", userAgent: "Firefox" },
      { customerId: "CU-1277", userAgent: "Safari" },
      { customerId: "CU-1000", userAgent: "Chrome" },
    ]);
    const result = await engine.query(
      `SELECT useragent, count(useragent) FROM "${topic}" WHERE customerid='CU-1277' GROUP BY useragent ORDER BY 2 DESC;`,
    );
    expect(result.columns.map((c) => c.name)).toEqual(["useragent", "count(useragent)"]);
    expect(result.rows).toEqual([
      ["Firefox", 2],
      ["Safari", 1],
    ]);
    const star = await engine.query(`SELECT COUNT(*), Sum(_partition) AS s FROM "${topic}"`);
    expect(star.columns.map((c) => c.name)).toEqual(["COUNT(*)", "s"]);
    expect(singleNumber(star)).toBe(4);
  });

  it("hides messages below the log start offset (retention)", async () => {
    const topic = await kit.createTopic(1);
    await kit.produce(
      topic,
      Array.from({ length: 10 }, (_, n) => ({ n })),
    );
    await engine.waitForCaughtUp(20_000);
    expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(10);
    await kit.admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: "4" }] });
    const result = await engine.query(`SELECT min(n), count(*) FROM "${topic}"`);
    expect(result.rows).toEqual([[4, 6]]);
  });
});
