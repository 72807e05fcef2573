import { SchemaType } from "@kafkajs/confluent-schema-registry";
import { describe, expect, it } from "vitest";
import { describedTypes, registryOptions, registryTopicsPerTest } from "../testing/registry-topics";

const { kit: currentKit, registry: currentRegistry } = registryTopicsPerTest();

const purchaseProto = `syntax = "proto3";
package fomo.test;
message Purchase {
  string customerId = 1;
  double amount = 2;
  int64 sequence = 3;
  int32 quantity = 4;
  bool paid = 5;
  Kind kind = 6;
  enum Kind { ONLINE = 0; STORE = 1; }
  Address address = 7;
  repeated string tags = 8;
  uint64 big = 9;
}
message Address { string city = 1; }`;

describe("Protobuf topics through the schema registry", () => {
  it("types columns from the message type (int64 → BIGINT, int32 → INTEGER, message → STRUCT, repeated → LIST) and reads exact values", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const { id } = await client.register({ type: SchemaType.PROTOBUF, schema: purchaseProto }, { subject: "proto-purchases-value" });
    const topic = await kit.createTopic(1);
    const values = await Promise.all([
      client.encode(id, {
        customerId: "CU-1277",
        amount: 12.5,
        // 2^53 + 1 and 2^64 - 1 as the Long objects protobufjs takes for 64-bit integers.
        sequence: { low: 1, high: 2 ** 21, unsigned: false },
        quantity: 2,
        paid: true,
        kind: 1,
        address: { city: "Lyon" },
        tags: ["x"],
        big: { low: -1, high: -1, unsigned: true },
      }),
      // proto3 leaves defaults off the wire; they read as their defaults, an absent message as NULL.
      client.encode(id, { customerId: "CU-1000" }),
    ]);
    await kit.producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
    const engine = await kit.startEngine(registryOptions(registry.url));
    await engine.waitForCaughtUp();

    expect(await describedTypes(engine, topic)).toMatchObject({
      customerid: "VARCHAR",
      amount: "DOUBLE",
      sequence: "BIGINT",
      quantity: "INTEGER",
      paid: "BOOLEAN",
      kind: "VARCHAR",
      address: 'STRUCT("city" VARCHAR)',
      tags: "VARCHAR[]",
      big: "UBIGINT",
    });
    const result = await engine.query(
      `SELECT customerid, amount, sequence, quantity, paid, kind, address.city AS city, tags, big, _schema_id, _corrupt
       FROM \`${topic}\` ORDER BY _offset`,
    );
    expect(result.rows).toEqual([
      ["CU-1277", 12.5, "9007199254740993", 2, 1, "STORE", "Lyon", '["x"]', "18446744073709551615", id, 0],
      ["CU-1000", 0, 0, 0, 0, "ONLINE", null, "[]", 0, id, 0],
    ]);
    // The seed's query shape runs unchanged on a Protobuf topic.
    const top = await engine.query(
      `SELECT customerid, sum(amount) AS total FROM \`${topic}\` GROUP BY customerid ORDER BY total DESC LIMIT 1`,
    );
    expect(top.rows).toEqual([["CU-1277", 12.5]]);
  });
});
