import avro from "avsc";
import { describe, expect, it } from "vitest";
import { frameConfluent } from "../../decoding/wire-format";
import { eventually } from "../testing/eventually";
import { registryOptions, registryTopicsPerTest } from "../testing/registry-topics";

const { kit: currentKit, registry: currentRegistry } = registryTopicsPerTest();

const pingSchema = { type: "record" as const, name: "Ping", namespace: "fomo.test", fields: [{ name: "n", type: "int" }] };
const orderSchema = {
  type: "record" as const,
  name: "Order",
  namespace: "fomo.test",
  fields: [
    { name: "customerId", type: "string" },
    { name: "total", type: "long" },
  ],
};

describe("rows whose schema the registry cannot give yet", () => {
  it("keeps a message with an unknown schema id as a flagged, counted row and decodes it once the schema is registered", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const ping = await client.register(pingSchema, { subject: "pings-value" });
    // The registry hands out ids in order: the next schema registered gets the next id.
    const futureId = ping.id + 1;
    const topic = await kit.createTopic(1);
    await kit.producer.send({
      topic,
      acks: -1,
      messages: [
        { value: await client.encode(ping.id, { n: 1 }) },
        { value: frameConfluent(futureId, avro.Type.forSchema(orderSchema).toBuffer({ customerId: "CU-1277", total: 99 })) },
        { value: JSON.stringify({ n: 3 }) },
      ],
    });
    const engine = await kit.startEngine(registryOptions(registry.url));
    await engine.waitForCaughtUp();

    const flagged = await engine.query(`SELECT n, _schema_id, _corrupt, _decode_error FROM \`${topic}\` ORDER BY _offset`);
    expect(flagged.rows).toEqual([
      [1, ping.id, 0, null],
      [null, futureId, 1, "unknown-schema-id"],
      [3, null, 0, null],
    ]);
    expect(await engine.health()).toMatchObject({ ingestedMessages: 3, corruptMessages: 1, undecodedMessages: 1 });

    const order = await client.register(orderSchema, { subject: "orders-value" });
    expect(order.id).toBe(futureId);
    await eventually(async () => {
      const decoded = await engine.query(`SELECT customerid, total, _corrupt, _decode_error FROM \`${topic}\` WHERE _offset = 1`);
      expect(decoded.rows).toEqual([["CU-1277", 99, 0, null]]);
    });
    expect(await engine.health()).toMatchObject({ ingestedMessages: 3, corruptMessages: 0, undecodedMessages: 0 });
    expect((await engine.query(`SELECT count(*) FROM \`${topic}\``)).rows).toEqual([[3]]);
  });

  it("keeps rows while the registry is down and decodes them when it is back; rows already decoded stay as they are", async () => {
    const [kit, registry] = [currentKit(), currentRegistry()];
    const client = registry.client();
    const { id } = await client.register(orderSchema, { subject: "orders-value" });
    const topic = await kit.createTopic(1);
    await kit.producer.send({ topic, acks: -1, messages: [{ value: JSON.stringify({ customerId: "CU-1", total: 1 }) }] });
    const encoded = await Promise.all([2, 3].map((total) => client.encode(id, { customerId: `CU-${total}`, total })));
    const url = registry.url;
    await registry.stop();
    await kit.producer.send({ topic, acks: -1, messages: encoded.map((value) => ({ value })) });

    const engine = await kit.startEngine(registryOptions(url));
    await engine.waitForCaughtUp();
    const waiting = await engine.query(`SELECT customerid, _corrupt, _decode_error FROM \`${topic}\` ORDER BY _offset`);
    expect(waiting.rows).toEqual([
      ["CU-1", 0, null],
      [null, 1, "registry-unreachable"],
      [null, 1, "registry-unreachable"],
    ]);
    expect(await engine.health()).toMatchObject({ corruptMessages: 2, undecodedMessages: 2 });

    await registry.start();
    await eventually(async () => {
      const decoded = await engine.query(`SELECT customerid, total, _corrupt, _decode_error FROM \`${topic}\` ORDER BY _offset`);
      expect(decoded.rows).toEqual([
        ["CU-1", 1, 0, null],
        ["CU-2", 2, 0, null],
        ["CU-3", 3, 0, null],
      ]);
    });
    expect(await engine.health()).toMatchObject({ ingestedMessages: 3, corruptMessages: 0, undecodedMessages: 0 });
  });
});
