import { afterEach, describe, expect, it } from "vitest";
import type { RowDataPacket } from "mysql2/promise";
import { Partitioners, createKafka, type Message } from "../kafka/kafkajs-client";
import { testStack } from "../stack/testing/test-stack";
import { purchaseAt } from "../dataset/dataset";
import { messageAt } from "../dataset/topics";
import { registerSchema } from "../decoding/registry-registration";
import { confluentEncoderFor, encodeConfluent, type ConfluentEncoder } from "../decoding/value-encoder";
import { TestRegistry } from "../schema-registry/testing/registry-test-kit";
import { DLQ_HEADERS } from "./dead-letter";
import { createWarehouseSink } from "./warehouse-sink";
import { readDeadLetterTopic } from "./testing/dead-letter-reader";
import { createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";

const SEED = 1277;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

/** Purchases as another team's producer would write them: Avro with an exact decimal, Protobuf with a double. */
const AVRO_PURCHASE = JSON.stringify({
  type: "record",
  name: "Purchase",
  namespace: "shop",
  fields: [
    { name: "customerId", type: "string" },
    { name: "amount", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
    { name: "itemCode", type: "string" },
  ],
});
const PROTOBUF_PURCHASE = `syntax = "proto3";
package shop;
message Purchase { string customerId = 1; double amount = 2; string itemCode = 3; }`;

async function setup() {
  const stack = testStack();
  const { databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
  const registry = new TestRegistry();
  cleanups.push(() => registry.dispose());
  await registry.start();
  // The sink gives up on a lookup after 1 s (the outage test waits less); a registration is a
  // write through Kafka, which takes longer on a loaded machine.
  const connection = { url: registry.url, timeoutMs: 1_000 };
  const registering = { url: registry.url, timeoutMs: 15_000 };
  const producer = createKafka(stack.kafkaBrokers, "registry-formats-producer").producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  const sink = createWarehouseSink({ ...scratchSinkOptions(stack, { databases, topic, dlqTopic }), registry: connection });
  cleanups.push(() => sink.close());
  const encoders = async (): Promise<Record<"avro" | "protobuf", ConfluentEncoder>> => ({
    avro: confluentEncoderFor({
      id: await registerSchema(registering, `${topic}-value`, { schemaType: "AVRO", schema: AVRO_PURCHASE }),
      schemaType: "AVRO",
      schema: AVRO_PURCHASE,
    }),
    protobuf: confluentEncoderFor({
      // Another subject: a topic's subject (TopicNameStrategy) holds one schema type.
      id: await registerSchema(registering, `${topic}-protobuf-value`, { schemaType: "PROTOBUF", schema: PROTOBUF_PURCHASE }),
      schemaType: "PROTOBUF",
      schema: PROTOBUF_PURCHASE,
    }),
  });
  /** Event `index` of the dataset in `format`, on partition 0 so the order of the messages is the order loaded. */
  const message = (format: "json" | ConfluentEncoder, index: number): Message => {
    const purchase = purchaseAt(SEED, index);
    if (format === "json") return { ...messageAt("purchases", SEED, index), partition: 0 };
    const value = format.format === "avro" ? { ...purchase, amount: purchase.amount.toFixed(2) } : purchase;
    return { key: purchase.customerId, value: format.encode(value), partition: 0 };
  };
  const produce = (messages: Message[]) => producer.send({ topic, messages, acks: -1 });
  const rows = async () => {
    const [result] = await databases.admin.query<RowDataPacket[]>(
      `SELECT customerId, amount, itemCode FROM \`${databases.database}\`.purchases ORDER BY kafka_offset`,
    );
    return result.map((row) => ({ customerId: row.customerId as string, amount: Number(row.amount), itemCode: row.itemCode as string }));
  };
  return { stack, registry, sink, dlqTopic, encoders, message, produce, rows };
}

describe("connector with Confluent-framed purchases", () => {
  it("loads Avro and Protobuf purchases to exactly the rows their JSON twins load", async () => {
    const { sink, encoders, message, produce, rows } = await setup();
    const { avro, protobuf } = await encoders();
    const events = Array.from({ length: 100 }, (_, index) => index);
    await produce([
      ...events.map((index) => message("json", index)),
      ...events.map((index) => message(avro, index)),
      ...events.map((index) => message(protobuf, index)),
    ]);
    await sink.start();
    await waitFor("300 rows", async () => (await rows()).length === 300, 30_000);
    const loaded = await rows();
    const expected = events.map((index) => purchaseAt(SEED, index));
    expect(loaded.slice(0, 100)).toEqual(expected);
    expect(loaded.slice(100, 200)).toEqual(expected);
    expect(loaded.slice(200, 300)).toEqual(expected);
    expect((await sink.status()).deadLettered).toBe(0);
  });

  it("dead-letters an unknown schema id and garbage after a valid header with the decoder's reason, and loads what follows", async () => {
    const { stack, sink, dlqTopic, encoders, message, produce, rows } = await setup();
    const { avro } = await encoders();
    await produce([
      { key: "CU-1001", value: encodeConfluent(987_654, Buffer.from([0x0e, 0x43, 0x55])), partition: 0 },
      { key: "CU-1002", value: encodeConfluent(avro.schemaId, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), partition: 0 },
      message(avro, 0),
      message("json", 1),
    ]);
    await sink.start();
    await waitFor("2 rows", async () => (await rows()).length === 2, 30_000);
    expect(await rows()).toEqual([purchaseAt(SEED, 0), purchaseAt(SEED, 1)]);
    await waitFor("2 letters", async () => (await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic)).length >= 2, 20_000);
    const reasons = (await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic)).map((letter) => letter.headers[DLQ_HEADERS.reason]);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/^unknown_schema_id: the registry has no schema with id 987654/);
    expect(reasons[1]).toMatch(new RegExp(`^malformed: does not match schema ${avro.schemaId}`));
  });

  it("waits for a registry that is down instead of dead-lettering, then loads everything once", async () => {
    const { stack, registry, sink, dlqTopic, encoders, message, produce, rows } = await setup();
    const { avro } = await encoders();
    await registry.stop();
    await produce([
      ...Array.from({ length: 50 }, (_, index) => message("json", index)),
      ...Array.from({ length: 50 }, (_, index) => message(avro, 50 + index)),
      ...Array.from({ length: 50 }, (_, index) => message("json", 100 + index)),
    ]);
    await sink.start();
    await waitFor("the JSON before the first Avro message", async () => (await rows()).length === 50, 30_000);
    await waitFor("status to say it waits", async () => (await sink.status()).waitingForRegistry !== null, 10_000);
    // Several flush intervals with the registry down: nothing more loads, nothing is dead-lettered.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const waiting = await sink.status();
    expect(waiting.healthy).toBe(false);
    expect(waiting.detail).toMatch(
      /^pipeline failing: waiting for the schema registry since .*nothing dead-lettered.*registry_unreachable: /,
    );
    expect(waiting.deadLettered).toBe(0);
    expect((await rows()).length).toBe(50);

    await registry.start();
    await waitFor("all 150 rows", async () => (await rows()).length === 150, 30_000);
    expect(await rows()).toEqual(Array.from({ length: 150 }, (_, index) => purchaseAt(SEED, index)));
    await waitFor("the wait to clear", async () => (await sink.status()).waitingForRegistry === null, 5_000);
    const after = await sink.status();
    expect(after.healthy).toBe(true);
    expect(after.deadLettered).toBe(0);
    await sink.drainDeadLetters();
    expect(await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic)).toEqual([]);
  });
});
