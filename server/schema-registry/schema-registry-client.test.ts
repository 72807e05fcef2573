import { SchemaType } from "@kafkajs/confluent-schema-registry";
import { describe, expect, it } from "vitest";
import { registryPerTest } from "./testing/registry-test-kit";

const purchaseV1 = {
  type: "record" as const,
  name: "Purchase",
  namespace: "fomo",
  fields: [
    { name: "customerId", type: "string" },
    { name: "amount", type: "double" },
  ],
};
const purchaseProto = `syntax = "proto3";
package fomo;
message Purchase {
  string customerId = 1;
  double amount = 2;
  string itemCode = 3;
}`;
const purchaseJsonSchema = {
  type: "object",
  properties: { customerId: { type: "string" }, amount: { type: "number" } },
  required: ["customerId", "amount"],
};

describe("embedded schema registry, through @kafkajs/confluent-schema-registry", () => {
  const started = registryPerTest();

  it("registers Avro, Protobuf and JSON schemas and round-trips messages through them", async () => {
    const registry = await started();
    const client = registry.client();
    const avro = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) }, { subject: "purchases-value" });
    const proto = await client.register({ type: SchemaType.PROTOBUF, schema: purchaseProto }, { subject: "purchases-proto-value" });
    const json = await client.register(
      { type: SchemaType.JSON, schema: JSON.stringify(purchaseJsonSchema) },
      { subject: "purchases-json-value" },
    );
    expect(new Set([avro.id, proto.id, json.id]).size).toBe(3);

    const purchase = { customerId: "CU-1277", amount: 42.5 };
    const avroBytes = await client.encode(avro.id, purchase);
    expect(avroBytes[0]).toBe(0);
    expect(avroBytes.readInt32BE(1)).toBe(avro.id);
    // A fresh client knows nothing: it must fetch each schema by id from the registry to decode.
    const reader = registry.client();
    expect(await reader.decode(avroBytes)).toEqual(purchase);
    const protoBytes = await client.encode(proto.id, { ...purchase, itemCode: "40170725" });
    expect(await reader.decode(protoBytes)).toMatchObject({ ...purchase, itemCode: "40170725" });
    const jsonBytes = await client.encode(json.id, purchase);
    expect(await reader.decode(jsonBytes)).toEqual(purchase);

    expect((await registry.call("GET", "/subjects")).body).toEqual(["purchases-json-value", "purchases-proto-value", "purchases-value"]);
    expect((await registry.call("GET", `/schemas/ids/${proto.id}`)).body).toEqual({ schemaType: "PROTOBUF", schema: purchaseProto });
  });

  it("gives the same id to the same schema, in the same subject and in another one", async () => {
    const registry = await started();
    const client = registry.client();
    const first = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) }, { subject: "a-value" });
    // Same schema, other whitespace and property order: still the same schema.
    const reordered = JSON.stringify({ fields: purchaseV1.fields, namespace: "fomo", name: "Purchase", type: "record" }, null, 2);
    const again = await client.register({ type: SchemaType.AVRO, schema: reordered }, { subject: "a-value" });
    const elsewhere = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) }, { subject: "b-value" });
    expect(again.id).toBe(first.id);
    expect(elsewhere.id).toBe(first.id);
    expect((await registry.call("GET", "/subjects/a-value/versions")).body).toEqual([1]);
    expect(await client.getRegistryIdBySchema("b-value", { type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) })).toBe(first.id);
    expect((await registry.call("GET", `/schemas/ids/${first.id}/versions`)).body).toEqual([
      { subject: "a-value", version: 1 },
      { subject: "b-value", version: 1 },
    ]);
  });

  it("refuses an incompatible Avro evolution and accepts a compatible one (BACKWARD)", async () => {
    const registry = await started();
    const client = registry.client();
    const v1 = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) }, { subject: "purchases-value" });
    const withoutDefault = { ...purchaseV1, fields: [...purchaseV1.fields, { name: "itemCode", type: "string" }] };
    await expect(
      client.register({ type: SchemaType.AVRO, schema: JSON.stringify(withoutDefault) }, { subject: "purchases-value" }),
    ).rejects.toMatchObject({ status: 409 });
    const refused = await registry.call("POST", "/subjects/purchases-value/versions", { schema: JSON.stringify(withoutDefault) });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error_code: 409, message: expect.stringContaining("itemCode") });

    const withDefault = { ...purchaseV1, fields: [...purchaseV1.fields, { name: "itemCode", type: "string", default: "" }] };
    const v2 = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(withDefault) }, { subject: "purchases-value" });
    expect(v2.id).not.toBe(v1.id);
    expect((await registry.call("GET", "/subjects/purchases-value/versions")).body).toEqual([1, 2]);
    // Data written with v1 is read with v2: the new field takes its default.
    const old = await client.encode(v1.id, { customerId: "CU-1000", amount: 10 });
    expect(await registry.client().decode(old, { [SchemaType.AVRO]: { readerSchema: withDefault } })).toEqual({
      customerId: "CU-1000",
      amount: 10,
      itemCode: "",
    });
  });

  it("serves the same ids after a restart on the same topic", async () => {
    const registry = await started();
    const client = registry.client();
    const avro = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(purchaseV1) }, { subject: "purchases-value" });
    const proto = await client.register({ type: SchemaType.PROTOBUF, schema: purchaseProto }, { subject: "purchases-proto-value" });
    const message = await client.encode(avro.id, { customerId: "CU-1277", amount: 99 });
    await registry.call("PUT", "/config/purchases-value", { compatibility: "FULL" });

    await registry.restart();
    const after = registry.client();
    expect(await after.decode(message)).toEqual({ customerId: "CU-1277", amount: 99 });
    expect(await after.getLatestSchemaId("purchases-proto-value")).toBe(proto.id);
    expect((await registry.call("GET", "/config/purchases-value")).body).toEqual({ compatibilityLevel: "FULL" });
    // Registering again returns the old id instead of a new version; a new schema gets the next id.
    const again = await registry.call("POST", "/subjects/purchases-value/versions", { schema: JSON.stringify(purchaseV1) });
    expect(again.body).toEqual({ id: avro.id });
    const other = await registry.call("POST", "/subjects/other-value/versions", { schema: '"string"' });
    expect(other.body).toEqual({ id: Math.max(avro.id, proto.id) + 1 });
  });
});
