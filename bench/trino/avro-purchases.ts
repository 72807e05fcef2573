import { z } from "zod";
import { SchemaRegistry as ConfluentClient, SchemaType } from "@kafkajs/confluent-schema-registry";
import { purchaseAt } from "../../server/dataset/dataset";
import { createKafka, Partitioners } from "../../server/kafka/kafkajs-client";
import { ensureTopic } from "../../server/kafka/topic-creation";
import { registryConnectionOf, registryRequest } from "../../server/decoding/registry-client";

/**
 * A purchases-like Avro topic written the way a Confluent producer writes it: the schema is
 * registered under `<topic>-value` by a client nobody here wrote (@kafkajs/confluent-schema-registry),
 * and every value is Confluent-framed (magic 0, schema id, Avro body). Customers and amounts are
 * the dataset's own (`purchaseAt`), so the expected answers are known to the cent.
 */
export const PURCHASE_AVRO_SCHEMA = {
  type: "record",
  name: "Purchase",
  namespace: "fomo.check",
  fields: [
    { name: "customerid", type: "string" },
    { name: "amount", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
    { name: "ts", type: { type: "long", logicalType: "timestamp-millis" } },
    { name: "productid", type: "string" },
    { name: "quantity", type: "int" },
  ],
} as const;

export interface ProducedPurchases {
  topic: string;
  subject: string;
  schemaId: number;
  messages: number;
  /** Exact sums in cents, per customer. */
  centsByCustomer: Map<string, number>;
  produceMs: number;
}

/** A decimal's unscaled value as Avro writes it: big-endian two's complement, as few bytes as fit. */
export function decimalBytes(unscaled: bigint): Buffer {
  let length = 1;
  while (unscaled < -(1n << BigInt(8 * length - 1)) || unscaled >= 1n << BigInt(8 * length - 1)) length += 1;
  return Buffer.from(
    BigInt.asUintN(8 * length, unscaled)
      .toString(16)
      .padStart(2 * length, "0"),
    "hex",
  );
}

export async function producePurchases(options: {
  brokers: string[];
  registryUrl: string;
  registryAuth: { username: string; password: string } | undefined;
  topic: string;
  count: number;
  seed: number;
  log: (line: string) => void;
}): Promise<ProducedPurchases> {
  const startedAt = performance.now();
  const subject = `${options.topic}-value`;
  const registry = new ConfluentClient({ host: options.registryUrl, auth: options.registryAuth && { ...options.registryAuth } });
  const { id: schemaId } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(PURCHASE_AVRO_SCHEMA) }, { subject });
  options.log(`registered ${subject} in ${options.registryUrl}: schema id ${schemaId}`);

  const kafka = createKafka(options.brokers, "fomo-trino-check", { silent: true });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const centsByCustomer = new Map<string, number>();
  const baseTime = Date.UTC(2026, 0, 1);
  try {
    await admin.connect();
    await ensureTopic(admin, options.topic, 3);
    await producer.connect();
    const batchSize = 2_000;
    for (let start = 0; start < options.count; start += batchSize) {
      const indexes = Array.from({ length: Math.min(batchSize, options.count - start) }, (_, offset) => start + offset);
      const messages = await Promise.all(
        indexes.map(async (index) => {
          const purchase = purchaseAt(options.seed, index);
          const cents = Math.round(purchase.amount * 100);
          centsByCustomer.set(purchase.customerId, (centsByCustomer.get(purchase.customerId) ?? 0) + cents);
          const value = await registry.encode(schemaId, {
            customerid: purchase.customerId,
            amount: decimalBytes(BigInt(cents)),
            ts: baseTime + index * 1_000,
            productid: purchase.itemCode,
            quantity: 1 + (index % 5),
          });
          return { key: purchase.customerId, value };
        }),
      );
      await producer.send({ topic: options.topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  const produceMs = performance.now() - startedAt;
  options.log(`produced ${options.count} Avro purchases to ${options.topic} in ${(produceMs / 1000).toFixed(1)} s`);
  return { topic: options.topic, subject, schemaId, messages: options.count, centsByCustomer, produceMs };
}

/** Deletes what `producePurchases` made: the subject (soft, then permanently, as Confluent requires) and the topic. */
export async function removeProducedPurchases(options: {
  brokers: string[];
  registryUrl: string;
  registryAuth: { username: string; password: string } | undefined;
  topic: string;
}): Promise<void> {
  const registry = registryConnectionOf({ url: options.registryUrl.replace(/\/+$/, ""), auth: options.registryAuth });
  const subjectPath = `/subjects/${encodeURIComponent(`${options.topic}-value`)}`;
  for (const path of [subjectPath, `${subjectPath}?permanent=true`]) {
    await registryRequest(registry, { method: "DELETE", path }, z.unknown()).catch(() => undefined);
  }
  const admin = createKafka(options.brokers, "fomo-trino-check-cleanup", { silent: true }).admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: [options.topic] });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
