import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ValueDecoder } from "../decoding/value-decoder";
import { readConfluentFrame } from "../decoding/wire-format";
import { TestRegistry, registryPerTest } from "../schema-registry/testing/registry-test-kit";
import { purchaseAt, requestAt } from "../dataset/dataset";
import type { ValueFormat } from "./event-schemas";
import { prepareValueEncoding } from "./value-encoding";

const SEED = 1277;
const EVENTS = 300;
const newRegistry = registryPerTest();
const extraRegistries: TestRegistry[] = [];
afterEach(async () => {
  await Promise.all(extraRegistries.splice(0).map((registry) => registry.dispose()));
});

/** A decoded value back as the dataset's event: an Avro decimal comes out as its exact text. */
function asEvent(value: unknown): Record<string, unknown> {
  const record = { ...(value as Record<string, unknown>) };
  if (typeof record.amount === "string") record.amount = Number(record.amount);
  return record;
}

describe("generator value formats", () => {
  it.each<ValueFormat>(["json", "avro", "protobuf"])(
    "%s: every event round-trips through the decoder to the same event",
    async (format) => {
      const registry = await newRegistry();
      const topics = { purchases: `purchases-${randomUUID()}`, requestlog: `requestlog-${randomUUID()}` };
      const encoding = await prepareValueEncoding({ format, registry: { url: registry.url }, topics });
      const decoder = new ValueDecoder({ registry: { url: registry.url } });
      for (let index = 0; index < EVENTS; index++) {
        const purchase = encoding.messageAt("purchases", SEED, index);
        const request = encoding.messageAt("requestlog", SEED, index);
        const [decodedPurchase, decodedRequest] = await Promise.all([
          decoder.decode(Buffer.from(purchase.value)),
          decoder.decode(Buffer.from(request.value)),
        ]);
        expect(decodedPurchase).toMatchObject({ ok: true, format });
        expect(decodedRequest).toMatchObject({ ok: true, format });
        if (!decodedPurchase.ok || !decodedRequest.ok) return;
        expect(asEvent(decodedPurchase.value)).toEqual(purchaseAt(SEED, index));
        expect(decodedRequest.value).toEqual(requestAt(SEED, index));
        expect(purchase.key).toBe(purchaseAt(SEED, index).customerId);
      }
      if (format === "json") {
        expect(encoding.messageAt("purchases", SEED, 0).value).toBeTypeOf("string");
        return;
      }
      // TopicNameStrategy subjects, and Confluent's header with the registry's id.
      const subjects = await registry.call("GET", "/subjects");
      expect(subjects.body).toEqual(expect.arrayContaining([`${topics.purchases}-value`, `${topics.requestlog}-value`]));
      const frame = readConfluentFrame(encoding.messageAt("purchases", SEED, 0).value as Buffer);
      expect(frame).toMatchObject({ kind: "framed", schemaId: encoding.schemaIds.purchases });
      // Confluent's Protobuf serializer writes the message-index array [0] as one 0 byte.
      if (frame.kind === "framed" && format === "protobuf") expect(frame.payload[0]).toBe(0);
    },
  );

  it("avro carries the amount as decimal(10,2): the decoder gives the exact cents", async () => {
    const registry = await newRegistry();
    const encoding = await prepareValueEncoding({
      format: "avro",
      registry: { url: registry.url },
      topics: { purchases: `p-${randomUUID()}` },
    });
    const decoded = await new ValueDecoder({ registry: { url: registry.url } }).decode(
      encoding.messageAt("purchases", SEED, 0).value as Buffer,
    );
    expect(decoded.ok && (decoded.value as { amount: unknown }).amount).toBe(purchaseAt(SEED, 0).amount.toFixed(2));
  });

  it("registering again (a restart) reuses the same schema ids", async () => {
    const registry = await newRegistry();
    const topics = { purchases: `p-${randomUUID()}`, requestlog: `r-${randomUUID()}` };
    const first = await prepareValueEncoding({ format: "protobuf", registry: { url: registry.url }, topics });
    const second = await prepareValueEncoding({ format: "protobuf", registry: { url: registry.url }, topics });
    expect(second.schemaIds).toEqual(first.schemaIds);
  });

  it("switching GENERATOR_FORMAT on a stack that already registered another format fails with what to do", async () => {
    const registry = await newRegistry();
    const topics = { purchases: `purchases-${randomUUID()}`, requestlog: `requestlog-${randomUUID()}` };
    await prepareValueEncoding({ format: "avro", registry: { url: registry.url }, topics });
    const switched = prepareValueEncoding({ format: "protobuf", registry: { url: registry.url }, topics });
    await expect(switched).rejects.toMatchObject({
      code: "bad_request:schema_registration",
      message: expect.stringMatching(/HTTP 409.*start over in protobuf with `npm run demo -- --fresh`/s),
    });
  });

  it("waits for a registry that is still starting, then registers", async () => {
    const registry = new TestRegistry();
    extraRegistries.push(registry);
    await registry.start();
    const url = registry.url;
    await registry.stop();
    const log: string[] = [];
    const preparing = prepareValueEncoding({
      format: "avro",
      registry: { url, timeoutMs: 1_000 },
      topics: { purchases: `p-${randomUUID()}`, requestlog: `r-${randomUUID()}` },
      log: (line) => log.push(line),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await registry.start();
    const encoding = await preparing;
    expect(encoding.schemaIds.purchases).toBeGreaterThan(0);
    expect(log.some((line) => line.startsWith("waiting for the schema registry"))).toBe(true);
  });
});
