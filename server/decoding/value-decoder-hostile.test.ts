import { randomBytes } from "node:crypto";
import { SchemaType } from "@kafkajs/confluent-schema-registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRegistry } from "../schema-registry/testing/registry-test-kit";
import { ValueDecoder } from "./value-decoder";
import { frameConfluent } from "./wire-format";

const pingSchema = {
  type: "record" as const,
  name: "Ping",
  namespace: "fomo",
  fields: [
    { name: "n", type: "long" },
    { name: "s", type: "string" },
  ],
};

describe("value decoder on hostile input", () => {
  const credentials = { username: "reader", password: "pw-1" };
  const registry = new TestRegistry(credentials);
  let pingId = 0;
  let ping: Buffer;
  beforeAll(async () => {
    await registry.start();
    const client = registry.client();
    pingId = (await client.register(pingSchema, { subject: "ping-value" })).id;
    ping = await client.encode(pingId, { n: 7, s: "hello" });
  });
  afterAll(() => registry.dispose());
  const decoder = () => new ValueDecoder({ registry: { url: registry.url, auth: credentials, timeoutMs: 1_000 } });
  const framed = frameConfluent;

  it("reports a cut-short header, a null value and bytes that are neither framed nor JSON", async () => {
    const shared = decoder();
    expect(await shared.decode(ping.subarray(0, 3))).toMatchObject({ ok: false, reason: "malformed" });
    expect(await shared.decode(null)).toMatchObject({ ok: false, reason: "empty" });
    expect(await shared.decode(Buffer.alloc(0))).toMatchObject({ ok: false, reason: "empty" });
    expect(await shared.decode(Buffer.from("CU-1277 bought 3 items"))).toMatchObject({ ok: false, reason: "not-decodable" });
    expect(await shared.decode(Buffer.from('{"unterminated":'))).toMatchObject({ ok: false, reason: "not-decodable" });
  });

  it("reports an id the registry does not know, and a schema's payload that is garbage, cut short or too long", async () => {
    const shared = decoder();
    expect(await shared.decode(framed(987_654, Buffer.from([2, 4])))).toMatchObject({
      ok: false,
      reason: "unknown-schema-id",
      schemaId: 987_654,
    });
    const payload = ping.subarray(5);
    expect(await shared.decode(framed(pingId, payload.subarray(0, payload.length - 2)))).toMatchObject({ ok: false, reason: "malformed" });
    expect(await shared.decode(framed(pingId, Buffer.concat([payload, Buffer.from([1])])))).toMatchObject({
      ok: false,
      reason: "malformed",
    });
    expect(
      await shared.decode(framed(pingId, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]))),
    ).toMatchObject({
      ok: false,
      reason: "malformed",
    });
    const proto = await registry
      .client()
      .register({ type: SchemaType.PROTOBUF, schema: 'syntax = "proto3"; message P { string a = 1; }' }, { subject: "p-value" });
    expect(await shared.decode(framed(proto.id, Buffer.from([0, 0x0a, 0x50, 0x41])))).toMatchObject({ ok: false, reason: "malformed" });
    // Good messages after bad ones still decode: nothing was poisoned.
    expect(await shared.decode(ping)).toMatchObject({ ok: true, value: { n: 7, s: "hello" } });
  });

  it("never throws, whatever the bytes", async () => {
    const shared = decoder();
    const inputs = Array.from({ length: 300 }, (_, n) => {
      const bytes = randomBytes(1 + (n % 40));
      // A third of them carry a real schema id, so the schema decoders see garbage too.
      if (n % 3 === 0 && bytes.length >= 5) bytes.set([0, 0, 0, 0, pingId], 0);
      return bytes;
    });
    const results = await Promise.all(inputs.map((bytes) => shared.decode(bytes)));
    for (const result of results) expect(typeof result.ok).toBe("boolean");
    expect(results.filter((result) => !result.ok).length).toBeGreaterThan(200);
  });

  it("says when the registry is unreachable, without caching it, and decodes once it is back", async () => {
    const shared = decoder();
    await registry.stop();
    try {
      const down = await shared.decode(ping);
      expect(down).toMatchObject({ ok: false, reason: "registry-unreachable", schemaId: pingId });
      expect(await shared.decode(ping)).toMatchObject({ ok: false, reason: "registry-unreachable" });
    } finally {
      await registry.restart();
    }
    expect(await shared.decode(ping)).toMatchObject({ ok: true, format: "avro", schemaId: pingId, value: { n: 7, s: "hello" } });
  });

  it("says when the registry refuses its credentials, and when there is no registry at all", async () => {
    const anonymous = new ValueDecoder({ registry: { url: registry.url, timeoutMs: 1_000 } });
    expect(await anonymous.decode(ping)).toMatchObject({ ok: false, reason: "registry-unauthorized" });
    expect(await new ValueDecoder().decode(ping)).toMatchObject({ ok: false, reason: "no-registry", schemaId: pingId });
    expect(await new ValueDecoder().decode(Buffer.from("[1,2]"))).toEqual({ ok: true, format: "json", value: [1, 2] });
  });
});
