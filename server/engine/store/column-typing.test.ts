import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStack } from "../../stack/testing/test-stack";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";

let kit: EngineTestKit;

beforeEach(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
});
afterEach(async () => {
  await kit.close();
});

function purchase(index: number): { customerId: string; amount: number; itemCode: string } {
  return { customerId: `CU-${1000 + (index % 37)}`, amount: 10 + ((index * 7919) % 9000) / 100, itemCode: String(10_000_000 + index) };
}

async function columnTypes(engine: KafkaSqlEngine, topic: string): Promise<Record<string, string>> {
  const described = await engine.query(`DESCRIBE "${topic}"`);
  return Object.fromEntries(described.rows.filter((row) => !String(row[0]).startsWith("_")).map((row) => [String(row[0]), String(row[1])]));
}

async function misfitsInCatalog(engine: KafkaSqlEngine, topic: string): Promise<Record<string, number | undefined>> {
  const table = (await engine.catalog()).schemas[0]!.tables.find((candidate) => candidate.name === topic)!;
  return Object.fromEntries(table.columns.filter((column) => !column.name.startsWith("_")).map((column) => [column.name, column.misfits]));
}

describe("column types", () => {
  it("a few string amounts among thousands of doubles leave amount DOUBLE, their rows NULL there with the raw text recorded", async () => {
    const topic = await kit.createTopic(3);
    const values: (object | string)[] = Array.from({ length: 3_000 }, (_, i) => purchase(i));
    for (const at of [10, 700, 1500, 2200, 2999]) values.splice(at, 0, { customerId: "CU-9001", amount: "abc", itemCode: "x" });
    await kit.produce(topic, values, (i) => `k${i}`);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(30_000);

    expect(await columnTypes(engine, topic)).toEqual({ customerid: "VARCHAR", amount: "DOUBLE", itemcode: "VARCHAR" });
    const odd = await engine.query(`SELECT customerid, amount, _misfits->>'amount' AS raw FROM "${topic}" WHERE _misfits IS NOT NULL`);
    expect(odd.rows).toEqual(Array.from({ length: 5 }, () => ["CU-9001", null, "abc"]));
    const expectedSum = Array.from({ length: 3_000 }, (_, i) => purchase(i).amount).reduce((a, b) => a + b, 0);
    expect(singleNumber(await engine.query(`SELECT sum(amount) FROM "${topic}"`))).toBeCloseTo(expectedSum, 6);
    expect((await engine.query(`SELECT * FROM "${topic}" LIMIT 1`)).columns.map((column) => column.name)).toEqual([
      "customerid",
      "amount",
      "itemcode",
    ]);

    const health = await engine.health();
    expect(health.topics[0]!.misfitsByColumn).toEqual({ amount: 5 });
    expect(health.misfitValues).toBe(5);
    expect(health.corruptMessages).toBe(0);
    expect(await misfitsInCatalog(engine, topic)).toEqual({ customerid: 0, amount: 5, itemcode: 0 });
    expect((await engine.query(`DESCRIBE "${topic}"`)).rows.find((row) => row[0] === "_misfits")?.slice(0, 2)).toEqual([
      "_misfits",
      "JSON",
    ]);
  });

  it("arrays, scalars and broken values are corrupt rows and create no columns", async () => {
    const topic = await kit.createTopic(1);
    await kit.produce(topic, [
      { customerId: "CU-1", amount: 1.5 },
      "[1, 2, 3, 4]",
      '["a", {"b": 1}]',
      '"just a string"',
      "42",
      "true",
      "null",
      "{not json",
      "",
      Buffer.from([0xc3, 0x28, 0xff]),
      { customerId: "CU-2", amount: 2.5 },
    ]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);

    expect(await columnTypes(engine, topic)).toEqual({ customerid: "VARCHAR", amount: "DOUBLE" });
    expect((await engine.query(`SELECT * FROM "${topic}" ORDER BY amount`)).rows).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      ["CU-1", 1.5],
      ["CU-2", 2.5],
    ]);
    const corrupt = await engine.query(`SELECT _raw FROM "${topic}" WHERE _corrupt ORDER BY _offset`);
    expect(corrupt.rows.slice(0, 3)).toEqual([["[1, 2, 3, 4]"], ['["a", {"b": 1}]'], ['"just a string"']]);
    const health = await engine.health();
    expect(health.corruptMessages).toBe(9);
    expect(health.misfitValues).toBe(0);
  });

  it("1e400 and other numbers a DOUBLE cannot hold are misfits, and the top-3 stays finite", async () => {
    const topic = await kit.createTopic(3);
    const good = Array.from({ length: 2_000 }, (_, i) => purchase(i));
    const poison = [
      '{"customerId":"CU-9005","amount":1e400,"itemCode":"1"}',
      '{"customerId":"CU-9005","amount":1e400,"itemCode":"2"}',
      '{"customerId":"CU-9006","amount":-1e400,"itemCode":"3"}',
      '{"customerId":"CU-9007","amount":NaN,"itemCode":"4"}',
      '{"customerId":"CU-9008","amount":Infinity,"itemCode":"5"}',
      '{"customerId":"CU-9008","amount":-Infinity,"itemCode":"6"}',
      '{"customerId":"CU-9009","amount":1e308,"itemCode":"7"}',
    ];
    await kit.produce(topic, [...good.slice(0, 1_000), ...poison, ...good.slice(1_000)]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(30_000);

    const totals = new Map<string, number>();
    for (const row of good) totals.set(row.customerId, (totals.get(row.customerId) ?? 0) + row.amount);
    totals.set("CU-9009", 1e308);
    const expected = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const top3 = await engine.query(
      `SELECT customerid, sum(amount) AS total FROM "${topic}" GROUP BY customerid ORDER BY total DESC LIMIT 3`,
    );
    expect(top3.rows.map((row) => row[0])).toEqual(expected.map(([customer]) => customer));
    top3.rows.forEach((row, index) => expect(Number(row[1])).toBeCloseTo(expected[index]![1], 6));
    const raw = await engine.query(`SELECT _misfits->>'amount' FROM "${topic}" WHERE _misfits IS NOT NULL ORDER BY itemcode`);
    expect(raw.rows).toEqual([["1e400"], ["1e400"], ["-1e400"], ["NaN"], ["Infinity"], ["-Infinity"]]);
    expect((await engine.health()).topics[0]!.misfitsByColumn).toEqual({ amount: 6 });
    // The largest finite double is a value like any other.
    expect(singleNumber(await engine.query(`SELECT amount FROM "${topic}" WHERE customerid = 'CU-9009'`))).toBe(1e308);
  });

  it("a producer that switches a field to strings for good is followed, and the early misfits get their values back", async () => {
    const topic = await kit.createTopic(1);
    const engine = await kit.startEngine();
    const before: object[] = Array.from({ length: 2_000 }, (_, i) => ({ id: i, amount: 10 + i / 4 }));
    before.splice(500, 0, { id: -1, amount: "early-1" }, { id: -2, amount: "early-2" });
    await kit.produce(topic, before);
    await engine.waitForCaughtUp(20_000);
    expect((await columnTypes(engine, topic)).amount).toBe("DOUBLE");
    expect((await engine.health()).topics[0]!.misfitsByColumn).toEqual({ amount: 2 });

    await kit.produce(
      topic,
      Array.from({ length: 12_000 }, (_, i) => ({ id: 10_000 + i, amount: `EUR ${i}` })),
    );
    await engine.waitForCaughtUp(30_000);
    expect((await columnTypes(engine, topic)).amount).toBe("VARCHAR");
    const sample = await engine.query(`SELECT id, amount, _misfits FROM "${topic}" WHERE id IN (-2, -1, 0, 1, 10000) ORDER BY id`);
    expect(sample.rows).toEqual([
      [-2, "early-2", null],
      [-1, "early-1", null],
      [0, "10.0", null],
      [1, "10.25", null],
      [10000, "EUR 0", null],
    ]);
    expect(singleNumber(await engine.query(`SELECT count(amount) FROM "${topic}"`))).toBe(14_002);
    const health = await engine.health();
    expect(health.topics[0]!.misfitsByColumn).toEqual({});
    expect(await misfitsInCatalog(engine, topic)).toEqual({ id: 0, amount: 0 });
  });

  it("a column first typed by a lone odd value follows the majority that comes after it", async () => {
    const topic = await kit.createTopic(1);
    const engine = await kit.startEngine();
    await kit.produce(topic, [{ amount: "n/a" }]);
    await engine.waitForCaughtUp(20_000);
    expect((await columnTypes(engine, topic)).amount).toBe("VARCHAR");

    await kit.produce(
      topic,
      Array.from({ length: 1_500 }, (_, i) => ({ amount: i + 0.5 })),
    );
    await engine.waitForCaughtUp(30_000);
    expect((await columnTypes(engine, topic)).amount).toBe("DOUBLE");
    expect(singleNumber(await engine.query(`SELECT sum(amount) FROM "${topic}"`))).toBe((1_500 * 1_499) / 2 + 750);
    expect((await engine.query(`SELECT _misfits->>'amount' FROM "${topic}" WHERE amount IS NULL`)).rows).toEqual([["n/a"]]);
    expect((await engine.health()).topics[0]!.misfitsByColumn).toEqual({ amount: 1 });
  });
});
