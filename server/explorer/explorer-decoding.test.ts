import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExplorerMessage, MessagePayload } from "../../lib/api/explorer";
import { ValueDecoder } from "../decoding/value-decoder";
import { frameConfluent } from "../decoding/wire-format";
import { TestRegistry } from "../schema-registry/testing/registry-test-kit";
import { explorerMessages } from "./explorer-message";
import { readNewestRecords } from "./newest-messages";
import { explorerTestKit } from "./testing/explorer-test-kit";
import { searchTopic } from "./topic-search";

const kit = explorerTestKit("explorer-decoding-test");
const registry = new TestRegistry();

beforeAll(() => registry.start());
afterAll(() => registry.dispose());

async function newTopicWith(messages: { key: Buffer | string | null; value: Buffer | string | null }[]) {
  const topic = await kit.newTopic(1);
  await kit.producer.send({ topic, messages });
  return { topic, layout: await kit.layoutOf(topic) };
}

/** Oldest first, as produced. */
async function shownMessages(layout: Awaited<ReturnType<typeof newTopicWith>>["layout"], decoder: ValueDecoder) {
  return (await explorerMessages(decoder, await readNewestRecords(kit.explorer, layout, 50))).reverse();
}

function json(payload: MessagePayload | undefined): unknown {
  return payload?.kind === "decoded" ? JSON.parse(payload.json) : undefined;
}

const purchaseV1 = {
  type: "record" as const,
  name: "Purchase",
  namespace: "fomo",
  fields: [
    { name: "customerId", type: "string" },
    { name: "amount", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
    { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
  ],
};
const purchaseV2 = { ...purchaseV1, fields: [...purchaseV1.fields, { name: "city", type: "string", default: "" }] };
/** 12.50 at scale 2: unscaled 1250 as big-endian two's complement. */
const amountBytes = Buffer.from([0x04, 0xe2]);
const at = Date.UTC(2026, 0, 15, 9, 30, 0, 250);

describe("explorer messages decoded through the Schema Registry", () => {
  it("shows an Avro value with its format, subject, version and schema id, decimals and times readable", async () => {
    const client = registry.client();
    const subject = `purchases-${randomUUID()}-value`;
    await client.register(purchaseV1, { subject });
    const { id } = await client.register(purchaseV2, { subject });
    const keyId = (
      await client.register({ type: "record", name: "Key", fields: [{ name: "customerId", type: "string" }] }, { subject: `k-${subject}` })
    ).id;
    const value = await client.encode(id, { customerId: "CU-7", amount: amountBytes, at, city: "Lyon" });
    const { layout } = await newTopicWith([
      { key: "CU-7", value },
      { key: await client.encode(keyId, { customerId: "CU-8" }), value: '{"plain":true}' },
    ]);

    const [avroMessage, jsonMessage] = await shownMessages(layout, new ValueDecoder({ registry: { url: registry.url } }));
    expect(avroMessage?.value).toMatchObject({
      kind: "decoded",
      format: "avro",
      schemaId: id,
      schemaVersion: 2,
      subject,
      truncated: false,
    });
    expect(json(avroMessage?.value)).toEqual({ customerId: "CU-7", amount: "12.50", at: "2026-01-15T09:30:00.250Z", city: "Lyon" });
    expect(avroMessage?.key).toEqual({ kind: "text", text: "CU-7", truncated: false });
    expect(jsonMessage?.value).toMatchObject({ kind: "decoded", format: "json", schemaId: null, subject: null });
    expect(jsonMessage?.key).toMatchObject({ kind: "decoded", format: "avro", schemaId: keyId, json: '{"customerId":"CU-8"}' });
  });

  it("searches values as decoded, so Avro field names and readable decimals match", async () => {
    const client = registry.client();
    const { id } = await client.register(purchaseV2, { subject: `search-${randomUUID()}-value` });
    const messages = await Promise.all(
      ["Lyon", "Paris", "Lille"].map(async (city, i) => ({
        key: `CU-${i}`,
        value: await client.encode(id, { customerId: `CU-${i}`, amount: amountBytes, at, city }),
      })),
    );
    const { layout } = await newTopicWith(messages);
    const found: ExplorerMessage[] = [];
    const search = (field: "key" | "value", text: string) =>
      searchTopic(
        kit.explorer,
        layout,
        { field, text, start: { kind: "beginning" }, maxMessages: 100 },
        {
          signal: new AbortController().signal,
          decoder: new ValueDecoder({ registry: { url: registry.url } }),
          onProgress: () => undefined,
          onMatches: (m) => found.push(...m),
        },
      );

    // Neither the field name nor "12.50" is in the Avro bytes: only the decoded value has them.
    expect(await search("value", '"city":"paris"')).toMatchObject({ scanned: 3, matches: 1 });
    expect(json(found[0]?.value)).toMatchObject({ customerId: "CU-1", city: "Paris" });
    expect(await search("value", '"amount":"12.50"')).toMatchObject({ matches: 3 });
    expect(await search("key", "CU-2")).toMatchObject({ matches: 1 });
    expect(found.at(-1)?.value).toMatchObject({ kind: "decoded", format: "avro", schemaId: id });
  });

  it("shows why a message is not decoded, with its raw bytes, instead of failing", async () => {
    const unknownId = frameConfluent(987_654, Buffer.from([0x02, 0x41]));
    const binary = Buffer.from([0xff, 0xfe, 0x01, 0x00, 0x9c]);
    const { layout } = await newTopicWith([
      { key: null, value: unknownId },
      { key: "k", value: binary },
      { key: "tombstone", value: null },
      { key: "log", value: "plain text line" },
    ]);
    const [unknown, garbage, tombstone, text] = await shownMessages(layout, new ValueDecoder({ registry: { url: registry.url } }));
    expect(unknown?.key).toEqual({ kind: "null" });
    expect(unknown?.value).toEqual({
      kind: "undecodable",
      reason: "unknown-schema-id",
      detail: expect.stringContaining("987654"),
      schemaId: 987_654,
      hexPreview: "00 00 0f 12 06 02 41",
      base64Preview: unknownId.toString("base64"),
      previewTruncated: false,
    });
    expect(garbage?.value).toMatchObject({ kind: "undecodable", reason: "not-decodable", hexPreview: "ff fe 01 00 9c" });
    expect(tombstone?.value).toEqual({ kind: "null" });
    expect(text?.value).toEqual({ kind: "text", text: "plain text line", truncated: false });

    // A registry that does not answer is a reason too; the message is still shown.
    const down = new ValueDecoder({ registry: { url: "http://127.0.0.1:9", timeoutMs: 1_000 } });
    const [unreachable] = await shownMessages(layout, down);
    expect(unreachable?.value).toMatchObject({ kind: "undecodable", reason: "registry-unreachable", schemaId: 987_654 });
  });
});
