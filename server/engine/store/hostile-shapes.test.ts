import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStack } from "../../stack/testing/test-stack";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";
import { MAX_VALUE_COLUMNS } from "./topic-columns";

let kit: EngineTestKit;

beforeEach(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
});
afterEach(async () => {
  await kit.close();
});

const USER_AGENTS = ["Android", "iPhone", "Edge", "Windows 7", "Safari"];

describe("hostile message shapes", () => {
  it("an object with 10,000 keys creates no column, and many distinct keys stop at the column cap", async () => {
    const topic = await kit.createTopic(1);
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    await kit.produce(topic, [
      { customerId: "CU-1", amount: 1 },
      { ...wide, amount: 2 },
      { customerId: "CU-2", amount: 3 },
    ]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);
    const star = await engine.query(`SELECT * FROM "${topic}" ORDER BY amount`);
    expect(star.columns.map((column) => column.name)).toEqual(["customerid", "amount"]);
    expect(star.rows.map((row) => row.slice(0, 2))).toEqual([
      ["CU-1", 1],
      [null, 2],
      ["CU-2", 3],
    ]);
    const kept = await engine.query(`SELECT length(_raw) > 0 FROM "${topic}" WHERE amount = 2`);
    expect(kept.rows).toEqual([[1]]);
    expect((await engine.health()).overflowMessages).toBe(1);

    // One new field per message: columns stop at the cap, the rest stay with their messages.
    await kit.produce(
      topic,
      Array.from({ length: MAX_VALUE_COLUMNS + 40 }, (_, i) => ({ [`field${i}`]: i })),
    );
    await engine.waitForCaughtUp(20_000);
    const described = await engine.query(`DESCRIBE "${topic}"`);
    expect(described.rows.filter((row) => !String(row[0]).startsWith("_"))).toHaveLength(MAX_VALUE_COLUMNS);
    expect((await engine.health()).overflowMessages).toBe(1 + 42);
    expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(3 + MAX_VALUE_COLUMNS + 40);
  });

  it("odd keys, deep nesting, duplicates and huge strings neither crash ingest nor change what good messages mean", async () => {
    const topic = await kit.createTopic(1);
    const deep = `{"customerId":"CU-DEEP","amount":4,"tree":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    await kit.produce(topic, [
      { customerId: "CU-1", amount: 1, tree: { a: 1 } },
      { Amount: 2, CUSTOMERID: "CU-2" },
      { customerId: "CU-3", amount: 3, Amount: "three" },
      '{"__proto__":{"polluted":true},"customerId":"CU-4","amount":5}',
      '{"customerId":"CU-5","amount":6,"amount":"dup"}',
      { "": 1, "*": 2, 'q"uote': 3, "back\\slash": 4, ["x".repeat(300)]: 5, "a.b[0]$": 6, "new\nline": 7, customerId: "CU-6", amount: 7 },
      deep,
      { customerId: "CU-7", amount: { nested: true }, tree: 5 },
    ]);
    // Alone: a record batch must fit the broker's message size.
    await kit.produce(topic, [{ customerId: "x".repeat(900_000), amount: 8 }]);
    await kit.produce(topic, [{ customerId: "CU-8", amount: 9 }]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(30_000);

    const described = await engine.query(`DESCRIBE "${topic}"`);
    const columns = described.rows.filter((row) => row[5] !== "kafka metadata").map((row) => [row[0], row[1]]);
    expect(columns).toEqual([
      ["customerid", "VARCHAR"],
      ["amount", "BIGINT"],
      ["tree", "JSON"],
      ["__proto__", "JSON"],
      ["a.b[0]$", "BIGINT"],
      ["new\nline", "BIGINT"],
    ]);
    const rows = await engine.query(`SELECT left(customerid, 8), amount, _misfits FROM "${topic}" ORDER BY _offset`);
    expect(rows.rows).toEqual([
      ["CU-1", 1, null],
      ["CU-2", 2, null],
      ["CU-3", 3, null], // "amount" fits; the other spelling's string does not need recording
      ["CU-4", 5, null],
      ["CU-5", 6, null], // duplicate key: the first one counts
      ["CU-6", 7, null],
      ["CU-DEEP", 4, null],
      ["CU-7", null, '{"amount":{"nested":true},"tree":5}'],
      ["xxxxxxxx", 8, null],
      ["CU-8", 9, null],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await engine.health();
    expect(health.topics[0]!.misfitsByColumn).toEqual({ amount: 1, tree: 1 });
    expect(health.overflowMessages).toBe(1); // the message with unnameable keys keeps its text in _raw
    expect(health.corruptMessages).toBe(0);
  });

  it("the seed's queries answer exactly on topics holding poison among thousands of good messages", async () => {
    const purchases = await kit.createTopic(3);
    const requestlog = await kit.createTopic(3);
    const good = Array.from({ length: 4_000 }, (_, i) => ({
      customerId: `CU-${1000 + ((i * 31) % 50)}`,
      amount: 10 + ((i * 7919) % 9000) / 100,
      itemCode: String(10_000_000 + i),
    }));
    const requests = Array.from({ length: 4_000 }, (_, i) => ({
      customerId: `CU-${1000 + (i % 50)}`,
      userAgent: USER_AGENTS[(i * 7) % 5]!,
    }));
    const poison = [
      '{"customerId":"CU-1277","amount":1e400}',
      '{"customerId":"CU-9005","amount":"abc"}',
      "[1,2,3,4]",
      "7",
      '"str"',
      "{bad",
      "",
      Buffer.from([0xff, 0x00]),
      '{"customerId":"CU-9006"}',
      '{"customerId":42,"amount":true}',
      '{"customerId":"CU-9007","amount":[1]}',
    ];
    const poisonOf = {
      [purchases]: poison,
      [requestlog]: [...poison, '{"customerId":"CU-1277","userAgent":{"os":"x"}}', '{"userAgent":12}'],
    };
    for (const [topic, rows] of [
      [purchases, good],
      [requestlog, requests],
    ] as const) {
      await kit.produce(topic, [...rows.slice(0, 2_000), ...poisonOf[topic]!], (i) => `k${i}`);
      await kit.produce(topic, [`{"customerId":"${"x".repeat(900_000)}`]); // alone: a batch must fit the broker's message size
      await kit.produce(topic, rows.slice(2_000), (i) => `k${i}`);
    }
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(30_000);

    const totals = new Map<string, number>();
    for (const row of good) totals.set(row.customerId, (totals.get(row.customerId) ?? 0) + row.amount);
    const expectedTop = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const top = await engine.query(
      `SELECT customerid, sum(amount) AS total FROM "${purchases}" GROUP BY customerid ORDER BY total DESC LIMIT 3`,
    );
    expect(top.rows.map((row) => row[0])).toEqual(expectedTop.map(([customer]) => customer));
    top.rows.forEach((row, index) => expect(Number(row[1])).toBeCloseTo(expectedTop[index]![1], 6));

    const customer = String(top.rows[0]![0]);
    const mix = new Map<string, number>();
    for (const request of requests) if (request.customerId === customer) mix.set(request.userAgent, (mix.get(request.userAgent) ?? 0) + 1);
    const devices = await engine.query(
      `SELECT useragent, count(useragent) FROM "${requestlog}" WHERE customerid='${customer}' GROUP BY useragent`,
    );
    expect(devices.rows).toEqual([...mix].sort((a, b) => a[0].localeCompare(b[0])));

    const tables = await engine.query("SHOW TABLES");
    expect(tables.rows.map((row) => row[0])).toEqual([purchases, requestlog].sort());
    expect((await engine.query(`SELECT * FROM "${purchases}" LIMIT 1`)).columns.map((column) => [column.name, column.type])).toEqual([
      ["customerid", "VARCHAR"],
      ["amount", "DOUBLE"],
      ["itemcode", "VARCHAR"],
    ]);
  });
});
