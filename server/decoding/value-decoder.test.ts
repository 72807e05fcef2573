import { SchemaType } from "@kafkajs/confluent-schema-registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import avro from "avsc";
import { TestRegistry } from "../schema-registry/testing/registry-test-kit";
import { avroColumns } from "./avro-column-types";
import { avroDecodingOptions } from "./avro-logical-types";
import { ValueDecoder } from "./value-decoder";
import { frameConfluent, writeMessageIndexes } from "./wire-format";

const orderSchema = {
  type: "record" as const,
  name: "Order",
  namespace: "fomo",
  fields: [
    { name: "id", type: "long" },
    { name: "price", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
    { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
    { name: "atMicros", type: { type: "long", logicalType: "timestamp-micros" } },
    { name: "day", type: { type: "int", logicalType: "date" } },
    { name: "note", type: ["null", "string"], default: null },
    { name: "channel", type: { type: "enum", name: "Channel", symbols: ["WEB", "STORE"] } },
    { name: "tags", type: { type: "array", items: "string" } },
    { name: "address", type: { type: "record", name: "Address", fields: [{ name: "city", type: "string" }] } },
    { name: "checksum", type: "bytes" },
  ],
};
const protoSchema = `syntax = "proto3";
package fomo.events;
message Purchase {
  string customerId = 1;
  double amount = 2;
  int64 sequence = 3;
  Kind kind = 4;
  enum Kind { ONLINE = 0; STORE = 1; }
}
message RequestLog {
  string customerId = 1;
  string userAgent = 2;
  message Header { string name = 1; }
  repeated Header headers = 3;
}`;

/** -12345.67 at scale 2: unscaled -1234567 as big-endian two's complement. */
const decimalBytes = Buffer.from([0xed, 0x29, 0x79]);

describe("value decoder against the embedded registry and a third-party producer", () => {
  const registry = new TestRegistry();
  beforeAll(async () => {
    await registry.start();
  });
  afterAll(() => registry.dispose());
  const decoder = () => new ValueDecoder({ registry: { url: registry.url, timeoutMs: 2_000 } });

  it("decodes Avro with logical types into plain values, with schema id, subject and version", async () => {
    const client = registry.client();
    const { id } = await client.register(orderSchema, { subject: "orders-value" });
    const at = Date.UTC(2026, 10, 29, 12, 0, 0, 123);
    const encoded = await client.encode(id, {
      id: 42,
      price: decimalBytes,
      at,
      atMicros: at * 1000 + 456,
      day: 20_000,
      note: "gift",
      channel: "STORE",
      tags: ["a", "b"],
      address: { city: "Lyon" },
      checksum: Buffer.from([1, 2, 3]),
    });
    const result = await decoder().decode(encoded);
    expect(result).toEqual({
      ok: true,
      format: "avro",
      schemaId: id,
      subject: "orders-value",
      schemaVersion: 1,
      value: {
        id: 42,
        price: "-12345.67",
        at: new Date(at),
        atMicros: new Date(at),
        day: new Date(Date.UTC(2024, 9, 4)),
        note: "gift",
        channel: "STORE",
        tags: ["a", "b"],
        address: { city: "Lyon" },
        checksum: "AQID",
      },
      // The writer schema's column types come with the value, for readers that type columns (the engine).
      columns: avroColumns(orderSchema),
    });
    expect(JSON.parse(JSON.stringify(result.ok && result.value))).toMatchObject({ at: "2026-11-29T12:00:00.123Z" });
  });

  it("decodes Protobuf with Confluent's message indexes and without them (as this producer writes it)", async () => {
    const client = registry.client();
    const { id } = await client.register({ type: SchemaType.PROTOBUF, schema: protoSchema }, { subject: "purchases-proto-value" });
    const purchase = { customerId: "CU-1277", amount: 12.5, sequence: 42, kind: 1 };
    const asProduced = await client.encode(id, purchase);
    // int64 comes out as a decimal string (exact at any size), enums as their names.
    const expected = { customerId: "CU-1277", amount: 12.5, sequence: "42", kind: "STORE" };
    expect(await decoder().decode(asProduced)).toMatchObject({ ok: true, format: "protobuf", schemaId: id, value: expected });

    const header = asProduced.subarray(0, 5);
    const withFirstIndex = Buffer.concat([header, writeMessageIndexes([0]), asProduced.subarray(5)]);
    expect(await decoder().decode(withFirstIndex)).toMatchObject({ ok: true, value: expected });

    // The second top-level message, [1], with a nested repeated message.
    const protobuf = (await import("protobufjs")).default;
    const requestLog = protobuf.parse(protoSchema, { keepCase: true }).root.lookupType("fomo.events.RequestLog");
    const payload = Buffer.from(requestLog.encode({ customerId: "CU-1", userAgent: "curl", headers: [{ name: "x" }] }).finish());
    const second = await decoder().decode(Buffer.concat([header, writeMessageIndexes([1]), payload]));
    expect(second).toMatchObject({ ok: true, value: { customerId: "CU-1", userAgent: "curl", headers: [{ name: "x" }] } });
  });

  it("decodes JSON Schema values and plain JSON", async () => {
    const client = registry.client();
    const schema = JSON.stringify({ type: "object", properties: { customerId: { type: "string" } } });
    const { id } = await client.register({ type: SchemaType.JSON, schema }, { subject: "requestlog-json-value" });
    const encoded = await client.encode(id, { customerId: "CU-1277", nested: { ok: true } });
    expect(await decoder().decode(encoded)).toEqual({
      ok: true,
      format: "json-schema",
      schemaId: id,
      subject: "requestlog-json-value",
      schemaVersion: 1,
      value: { customerId: "CU-1277", nested: { ok: true } },
    });
    expect(await decoder().decode(Buffer.from('{"customerId":"CU-1000","amount":10.5}'))).toEqual({
      ok: true,
      format: "json",
      value: { customerId: "CU-1000", amount: 10.5 },
    });
  });

  it("keeps longs beyond 2^53 exact, as decimal strings", async () => {
    // This producer only registers named schemas: a bare long goes through the REST API.
    const registered = await registry.call("POST", "/subjects/counter-value/versions", { schema: '"long"' });
    const { id } = registered.body as { id: number };
    const exact = avro.Type.forSchema("long", avroDecodingOptions());
    const decode = (value: number | string) => decoder().decode(frameConfluent(id, exact.toBuffer(value)));
    expect(await decode("9007199254740993")).toMatchObject({ ok: true, value: "9007199254740993" });
    expect(await decode("-9223372036854775808")).toMatchObject({ ok: true, value: "-9223372036854775808" });
    expect(await decode(-42)).toMatchObject({ ok: true, value: -42 });
  });

  it("keeps decoding with the schemas it has while the registry is down", async () => {
    const client = registry.client();
    const { id } = await client.register({ type: "record", name: "Ping", fields: [{ name: "n", type: "int" }] }, { subject: "ping-value" });
    const shared = decoder();
    const messages = await Promise.all(Array.from({ length: 20 }, (_, n) => client.encode(id, { n })));
    const first = await Promise.all(messages.map((message) => shared.decode(message)));
    expect(first.map((result) => result.ok && (result.value as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    // With the registry gone, cached schemas still decode.
    await registry.stop();
    try {
      expect(await shared.decode(messages[3] ?? null)).toMatchObject({ ok: true, value: { n: 3 } });
    } finally {
      await registry.restart();
    }
  });
});
