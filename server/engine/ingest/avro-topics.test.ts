import { describe, expect, it } from "vitest";
import { avroDecimalBytes, describedTypes, registryOptions, registryTopicsPerTest } from "../testing/registry-topics";

const { kit: currentKit, registry: currentRegistry } = registryTopicsPerTest();

const addressSchema = {
  type: "record",
  name: "Address",
  fields: [
    { name: "city", type: "string" },
    { name: "zip", type: ["null", "string"], default: null },
  ],
};
const purchaseV1 = {
  type: "record" as const,
  name: "Purchase",
  namespace: "fomo.test",
  fields: [
    { name: "customerId", type: "string" },
    { name: "amount", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
    { name: "purchasedAt", type: { type: "long", logicalType: "timestamp-millis" } },
    { name: "address", type: addressSchema },
    { name: "note", type: ["null", "string"], default: null },
    { name: "channel", type: { type: "enum", name: "Channel", symbols: ["WEB", "STORE"] } },
    { name: "quantity", type: "int" },
    { name: "sequence", type: "long" },
    { name: "ratio", type: "double" },
    { name: "tags", type: { type: "array", items: "string" } },
  ],
};
const purchaseV2 = { ...purchaseV1, fields: [...purchaseV1.fields, { name: "coupon", type: ["null", "string"], default: null }] };
const at = Date.UTC(2026, 10, 29, 12, 0, 0, 123);

function purchase(n: number, extra: Record<string, unknown> = {}) {
  return {
    customerId: `CU-${1000 + n}`,
    amount: avroDecimalBytes(-1234567n + BigInt(n)),
    purchasedAt: at + n,
    address: { city: "Lyon", zip: n === 0 ? null : "69001" },
    note: n === 0 ? null : "gift",
    channel: n === 0 ? "WEB" : "STORE",
    quantity: 3 + n,
    sequence: 2 ** 40 + n,
    ratio: 0.25,
    tags: ["a", "b"],
    ...extra,
  };
}

describe("Avro topics through the schema registry", () => {
  it("types columns from the schema and reads exact values (decimal, timestamp-millis, record, nullable union, enum, list)", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const { id } = await client.register(purchaseV1, { subject: "avro-purchases-value" });
    const topic = await kit.createTopic(1);
    const values = await Promise.all([0, 1].map((n) => client.encode(id, purchase(n))));
    await kit.producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: "CU-1", value, headers: { trace: "t-1" } })) });
    const engine = await kit.startEngine(registryOptions(registry.url));
    await engine.waitForCaughtUp();

    expect(await describedTypes(engine, topic)).toMatchObject({
      customerid: "VARCHAR",
      amount: "DECIMAL(10,2)",
      purchasedat: "TIMESTAMP",
      address: 'STRUCT("city" VARCHAR, "zip" VARCHAR)',
      note: "VARCHAR",
      channel: "VARCHAR",
      quantity: "INTEGER",
      sequence: "BIGINT",
      ratio: "DOUBLE",
      tags: "VARCHAR[]",
    });
    const result = await engine.query(
      `SELECT customerid, amount, purchasedat, address.city AS city, address.zip AS zip, note, channel, quantity, sequence, ratio, tags,
         _schema_id, _corrupt, _decode_error, _key, _headers->>'$.trace[0]' AS trace
       FROM \`${topic}\` ORDER BY _offset`,
    );
    expect(result.rows).toEqual([
      [
        "CU-1000",
        -12345.67,
        "2026-11-29 12:00:00.123",
        "Lyon",
        null,
        null,
        "WEB",
        3,
        2 ** 40,
        0.25,
        '["a","b"]',
        id,
        0,
        null,
        "CU-1",
        "t-1",
      ],
      [
        "CU-1001",
        -12345.66,
        "2026-11-29 12:00:00.124",
        "Lyon",
        "69001",
        "gift",
        "STORE",
        4,
        2 ** 40 + 1,
        0.25,
        '["a","b"]',
        id,
        0,
        null,
        "CU-1",
        "t-1",
      ],
    ]);
    // Exact decimal arithmetic, as the warehouse's DECIMAL column gives it.
    expect((await engine.query(`SELECT sum(amount) AS total FROM \`${topic}\``)).rows).toEqual([[-24691.33]]);
    const health = await engine.health();
    expect(health).toMatchObject({ corruptMessages: 0, undecodedMessages: 0, ingestedMessages: 2 });
  });

  it("adds a later schema version's new field as a column, NULL in the rows written before it", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const v1 = await client.register(purchaseV1, { subject: "avro-evolving-value" });
    const topic = await kit.createTopic(1);
    await kit.producer.send({ topic, acks: -1, messages: [{ value: await client.encode(v1.id, purchase(0)) }] });
    const engine = await kit.startEngine(registryOptions(registry.url));
    await engine.waitForCaughtUp();
    expect(Object.keys(await describedTypes(engine, topic))).not.toContain("coupon");

    const v2 = await client.register(purchaseV2, { subject: "avro-evolving-value" });
    expect(v2.id).not.toBe(v1.id);
    await kit.producer.send({
      topic,
      acks: -1,
      messages: [{ value: await client.encode(v2.id, purchase(1, { coupon: "SPRING" })) }],
    });
    await engine.waitForCaughtUp();
    expect(await describedTypes(engine, topic)).toMatchObject({ coupon: "VARCHAR", amount: "DECIMAL(10,2)" });
    const result = await engine.query(`SELECT customerid, coupon, amount, _schema_id FROM \`${topic}\` ORDER BY _offset`);
    expect(result.rows).toEqual([
      ["CU-1000", null, -12345.67, v1.id],
      ["CU-1001", "SPRING", -12345.66, v2.id],
    ]);
    // SELECT * shows the topic's fields only, the new one last.
    const star = await engine.query(`SELECT * FROM \`${topic}\` ORDER BY customerid LIMIT 1`);
    expect(star.columns.map((column) => column.name).at(-1)).toBe("coupon");
  });

  it("decodes Avro keys the same way and keeps a topic's plain JSON values beside them", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const keySchema = { type: "record" as const, name: "PurchaseKey", namespace: "fomo.test", fields: [{ name: "id", type: "string" }] };
    const keyId = (await client.register(keySchema, { subject: "avro-keys-key" })).id;
    const valueId = (await client.register(purchaseV1, { subject: "avro-keys-value" })).id;
    const topic = await kit.createTopic(1);
    await kit.producer.send({
      topic,
      acks: -1,
      messages: [
        { key: await client.encode(keyId, { id: "CU-7" }), value: await client.encode(valueId, purchase(0)) },
        { key: "CU-8", value: JSON.stringify({ comment: "plain JSON" }) },
      ],
    });
    const engine = await kit.startEngine(registryOptions(registry.url));
    await engine.waitForCaughtUp();
    const result = await engine.query(`SELECT _key, customerid, quantity, comment, _schema_id FROM \`${topic}\` ORDER BY _offset`);
    expect(result.rows).toEqual([
      ['{"id":"CU-7"}', "CU-1000", 3, null, valueId],
      ["CU-8", null, null, "plain JSON", null],
    ]);
  });
});
