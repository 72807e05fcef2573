import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStack } from "../../stack/testing/test-stack";
import { createTopicsAndWait } from "../../kafka/topic-creation";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";
import { eventually } from "../testing/eventually";

let kit: EngineTestKit;

beforeEach(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
});
afterEach(async () => {
  await kit.close();
});

describe("ingest", () => {
  it("keeps poison pills as corrupt rows, counts them, and goes on ingesting", async () => {
    const topic = await kit.createTopic(1);
    const huge = "x".repeat(900_000);
    await kit.produce(topic, [
      { customerId: "CU-1", amount: 1 },
      "not json {",
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      "",
      null,
      "42",
      huge,
      { customerId: "CU-2", amount: 2 },
    ]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);
    await kit.produce(topic, [{ customerId: "CU-3", amount: 3 }]);

    const result = await engine.query(`SELECT _offset, _corrupt, length(_raw) AS raw_length, customerid FROM "${topic}" ORDER BY _offset`);
    // Booleans come back as MySQL shows them: 1 and 0.
    expect(result.rows.map((row) => row[1])).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(result.rows.at(-1)).toEqual([8, 0, null, "CU-3"]);
    expect(result.rows[1]).toEqual([1, 1, "not json {".length, null]);
    expect(Number(result.rows[6]![2])).toBe(64 * 1024);
    const health = await engine.health();
    expect(health.corruptMessages).toBe(6);
    expect(health.topics[0]!.partitions[0]!.ingestedOffset).toBe("9");
  });

  it("hides the metadata columns from SELECT * unless the statement names one, as a warehouse table has none", async () => {
    const topic = await kit.createTopic(1);
    await kit.produce(topic, [{ customerId: "CU-1", amount: 1.5 }]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);

    const star = await engine.query(`SELECT * FROM "${topic}"`);
    expect(star.columns.map((column) => column.name)).toEqual(["customerid", "amount"]);
    expect(star.rows).toEqual([["CU-1", 1.5]]);
    const qualified = await engine.query(`SELECT t.* FROM "${topic}" t`);
    expect(qualified.columns.map((column) => column.name)).toEqual(["customerid", "amount"]);

    // Named, they are there, and then in * too (bare, "quoted" or \`backticked\`).
    const named = await engine.query(`SELECT _partition, _offset, _key, * FROM "${topic}"`);
    expect(named.columns.map((column) => column.name)).toEqual([
      "_partition",
      "_offset",
      "_key",
      "customerid",
      "amount",
      "_partition",
      "_offset",
      "_timestamp",
      "_key",
      "_headers",
      "_schema_id",
      "_corrupt",
      "_decode_error",
      "_raw",
      "_misfits",
    ]);
    expect(named.rows[0]!.slice(0, 2)).toEqual([0, 0]);
    const quoted = await engine.query(`SELECT count(*) AS n FROM \`${topic}\` WHERE "_CORRUPT" = false AND \`_offset\` >= 0`);
    expect(quoted.rows).toEqual([[1]]);
    // DESCRIBE still lists them, so they can be found.
    const described = await engine.query(`DESCRIBE "${topic}"`);
    expect(described.rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(["customerid", "_partition", "_offset", "_timestamp", "_key"]),
    );
  });

  it("compares a string column with a literal ignoring case, also after values of the other case arrive", async () => {
    const topic = await kit.createTopic(2);
    await kit.produce(topic, [{ customerId: "CU-1" }, { customerId: "CU-2" }, { customerId: "CU-2" }]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);
    const count = async (where: string) => singleNumber(await engine.query(`SELECT count(*) FROM "${topic}" WHERE ${where}`));

    // Every value upper-case so far: the literal is compared in upper case.
    expect(await count("customerid = 'cu-2'")).toBe(2);
    expect(await count("customerid IN ('Cu-1', 'x')")).toBe(1);
    expect(await count("customerid <> 'cu-1'")).toBe(2);

    // A lower-case value arrives: the column holds both cases now, and compares through lower().
    await kit.produce(topic, [{ customerId: "cu-1" }]);
    await engine.waitForCaughtUp(20_000);
    expect(await count("customerid = 'CU-1'")).toBe(2);
    expect(await count("'cu-2' = customerid")).toBe(2);
    expect(await count("customerid NOT IN ('cU-1')")).toBe(2);
    // Where a string is computed, the engine compares code points (see server/query/README.md).
    expect(await count("lower(customerid) = 'CU-1'")).toBe(0);
  });

  it("shows a topic created and a field first seen after start, without a restart", async () => {
    const first = await kit.createTopic(2);
    await kit.produce(first, [{ customerId: "CU-1", amount: 5 }]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);
    expect((await engine.query("SHOW TABLES")).rows).toEqual([[first]]);

    const second = await kit.createTopic(1);
    await kit.produce(second, [{ UserAgent: "Firefox" }]);
    await kit.produce(first, [{ customerId: "CU-2", amount: 7.5, Device: { os: "linux", version: 6 } }]);
    await eventually(async () => {
      expect((await engine.query("SHOW TABLES")).rows).toEqual([first, second].sort().map((t) => [t]));
    });
    const result = await engine.query(`SELECT customerid, amount, device->>'os' AS os FROM "${first}" ORDER BY amount`);
    expect(result.rows).toEqual([
      ["CU-1", 5, null],
      ["CU-2", 7.5, "linux"],
    ]);
    const described = await engine.query(`DESCRIBE "${first}"`);
    expect(described.rows.map((row) => [row[0], row[1]])).toEqual(
      expect.arrayContaining([
        ["customerid", "VARCHAR"],
        ["amount", "DOUBLE"],
        ["device", "JSON"],
        ["_offset", "BIGINT"],
      ]),
    );
    expect(singleNumber(await engine.query(`SELECT count(useragent) FROM "${second}"`))).toBe(1);
  });

  it("widens BIGINT to DOUBLE at once, but a string among numbers is a misfit, not a reason for VARCHAR", async () => {
    const topic = await kit.createTopic(1);
    const engine = await kit.startEngine();
    await kit.produce(topic, [{ v: 1 }]);
    await engine.waitForCaughtUp(20_000);
    expect((await engine.query(`SELECT v FROM "${topic}"`)).columns[0]!.type).toBe("BIGINT");
    await kit.produce(topic, [{ v: 2.5 }]);
    await engine.waitForCaughtUp(20_000);
    expect((await engine.query(`SELECT sum(v) FROM "${topic}"`)).rows).toEqual([[3.5]]);
    await kit.produce(topic, [{ v: "three" }]);
    await engine.waitForCaughtUp(20_000);
    const result = await engine.query(`SELECT v, _misfits->>'v' AS raw FROM "${topic}" ORDER BY _offset`);
    expect(result.columns[0]!.type).toBe("DOUBLE");
    expect(result.rows).toEqual([
      [1, null],
      [2.5, null],
      [null, "three"],
    ]);
  });

  it("drops the rows of a topic deleted and re-created, and starts over", async () => {
    const topic = await kit.createTopic(1);
    await kit.produce(topic, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    const engine = await kit.startEngine();
    await engine.waitForCaughtUp(20_000);
    expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(3);
    await kit.admin.deleteTopics({ topics: [topic] });
    await eventually(async () => {
      expect((await engine.query("SHOW TABLES")).rows).toEqual([]);
    });
    await createTopicsAndWait(kit.admin, [{ topic, numPartitions: 1 }]);
    await kit.produce(topic, [{ n: 10 }]);
    await eventually(async () => {
      expect((await engine.query(`SELECT n FROM "${topic}"`)).rows).toEqual([[10]]);
    });
  });
});
