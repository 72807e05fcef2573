import { describe, expect, it } from "vitest";
import { createKafka } from "../kafka/kafkajs-client";
import { testStack } from "../stack/testing/test-stack";
import { probeExternalRegistry } from "./registry-status-probe";
import { registryPerTest } from "./testing/registry-test-kit";

const record = (fields: object[]) => JSON.stringify({ type: "record", name: "Purchase", namespace: "fomo", fields });
const base = [{ name: "customerId", type: "string" }];
const withAmount = [...base, { name: "amount", type: "double" }];
const withAmountDefault = [...base, { name: "amount", type: "double", default: 0 }];

describe("embedded schema registry REST API", () => {
  const started = registryPerTest();

  it("answers Confluent's error codes and content type", async () => {
    const registry = await started();
    const id = ((await registry.call("POST", "/subjects/s-value/versions", { schema: record(base) })).body as { id: number }).id;
    const ok = await registry.call("GET", "/subjects/s-value/versions/latest");
    expect(ok.contentType).toBe("application/vnd.schemaregistry.v1+json");
    expect(ok.body).toEqual({ subject: "s-value", version: 1, id, schema: record(base) });
    expect((await registry.call("GET", "/subjects/s-value/versions/1/schema")).body).toEqual(JSON.parse(record(base)));
    expect((await registry.call("GET", `/schemas/ids/${id}/subjects`)).body).toEqual(["s-value"]);
    expect((await registry.call("GET", "/schemas/types")).body).toEqual(["AVRO", "PROTOBUF", "JSON"]);

    const cases: [string, string, unknown, number, number][] = [
      ["GET", "/subjects/missing/versions", undefined, 404, 40401],
      ["GET", "/subjects/s-value/versions/7", undefined, 404, 40402],
      ["GET", "/schemas/ids/999", undefined, 404, 40403],
      ["POST", "/subjects/s-value", { schema: record(withAmount) }, 404, 40403],
      ["POST", "/subjects/missing", { schema: record(base) }, 404, 40401],
      ["GET", "/subjects/s-value/versions/zero", undefined, 422, 42202],
      ["POST", "/subjects/s-value/versions", { schema: "{not json" }, 422, 42201],
      ["POST", "/subjects/s-value/versions", { schema: '{"type":"record","name":"X"}' }, 422, 42201],
      ["POST", "/subjects/p-value/versions", { schemaType: "PROTOBUF", schema: "message {" }, 422, 42201],
      ["POST", "/subjects/s-value/versions", { schema: record(base), references: [{ name: "a", subject: "b", version: 1 }] }, 422, 42201],
      ["PUT", "/config", { compatibility: "SIDEWAYS" }, 422, 42203],
      ["GET", "/config/s-value", undefined, 404, 40408],
    ];
    for (const [method, path, body, status, errorCode] of cases) {
      const response = await registry.call(method, path, body);
      expect({ method, path, status: response.status, errorCode: (response.body as { error_code?: number }).error_code }).toEqual({
        method,
        path,
        status,
        errorCode,
      });
      expect((response.body as { message?: unknown }).message).toEqual(expect.any(String));
    }
    const lookup = await registry.call("POST", "/subjects/s-value", { schema: record(base) });
    expect(lookup.body).toMatchObject({ subject: "s-value", version: 1, id });
  });

  it("soft-deletes versions and subjects, keeps ids readable, and deletes permanently only after that", async () => {
    const registry = await started();
    const v1 = await registry.call("POST", "/subjects/d-value/versions", { schema: record(base) });
    await registry.call("POST", "/subjects/d-value/versions", { schema: record(withAmountDefault) });
    expect((await registry.call("DELETE", "/subjects/d-value/versions/2?permanent=true")).body).toMatchObject({ error_code: 40407 });
    expect((await registry.call("DELETE", "/subjects/d-value/versions/latest")).body).toBe(2);
    expect((await registry.call("GET", "/subjects/d-value/versions")).body).toEqual([1]);
    expect((await registry.call("GET", "/subjects/d-value/versions?deleted=true")).body).toEqual([1, 2]);
    expect((await registry.call("DELETE", "/subjects/d-value")).body).toEqual([1]);
    expect((await registry.call("GET", "/subjects")).body).toEqual([]);
    expect((await registry.call("GET", "/subjects?deleted=true")).body).toEqual(["d-value"]);
    // Messages written with a deleted schema still decode: the id stays.
    expect((await registry.call("GET", `/schemas/ids/${(v1.body as { id: number }).id}`)).status).toBe(200);
    // Registering again makes a new version number (never reused) with the same id.
    const again = await registry.call("POST", "/subjects/d-value/versions", { schema: record(base) });
    expect(again.body).toEqual(v1.body);
    expect((await registry.call("GET", "/subjects/d-value/versions")).body).toEqual([3]);
    expect((await registry.call("DELETE", "/subjects/d-value/versions/1?permanent=true")).body).toBe(1);
    expect((await registry.call("GET", "/subjects/d-value/versions?deleted=true")).body).toEqual([2, 3]);
  });

  it("checks compatibility by level: FORWARD, FULL, NONE and the transitive ones", async () => {
    const registry = await started();
    const check = async (subject: string, fields: object[], version = "latest") =>
      (await registry.call("POST", `/compatibility/subjects/${subject}/versions/${version}?verbose=true`, { schema: record(fields) }))
        .body as { is_compatible: boolean; messages: string[] };
    expect((await registry.call("GET", "/config")).body).toEqual({ compatibilityLevel: "BACKWARD" });
    await registry.call("POST", "/subjects/c-value/versions", { schema: record(withAmount) });
    // Dropping a field: new readers are fine (BACKWARD), old readers miss it (not FORWARD).
    expect((await check("c-value", base)).is_compatible).toBe(true);
    expect((await registry.call("PUT", "/config/c-value", { compatibility: "forward" })).body).toEqual({ compatibility: "FORWARD" });
    const forward = await check("c-value", base);
    expect(forward).toMatchObject({ is_compatible: false, messages: [expect.stringContaining("amount")] });
    await registry.call("PUT", "/config/c-value", { compatibility: "FULL" });
    expect((await check("c-value", withAmountDefault)).is_compatible).toBe(true);
    await registry.call("PUT", "/config/c-value", { compatibility: "NONE" });
    expect((await check("c-value", [{ name: "other", type: "int" }])).is_compatible).toBe(true);

    // v1 has amount, v2 drops it (BACKWARD allows), v3 adds it back without a default: fine against v2 only.
    await registry.call("PUT", "/config/t-value", { compatibility: "BACKWARD" });
    await registry.call("POST", "/subjects/t-value/versions", { schema: record(withAmount) });
    await registry.call("POST", "/subjects/t-value/versions", { schema: record(base) });
    const amountAsString = [...base, { name: "amount", type: "string" }];
    expect((await check("t-value", amountAsString)).is_compatible).toBe(false);
    expect((await check("t-value", [...base, { name: "amount", type: "string", default: "" }])).is_compatible).toBe(true);
    await registry.call("PUT", "/config/t-value", { compatibility: "BACKWARD_TRANSITIVE" });
    const transitive = await check("t-value", [...base, { name: "amount", type: "string", default: "" }]);
    expect(transitive.is_compatible).toBe(false);
    expect((await check("t-value", [...base, { name: "amount", type: "string", default: "" }], "2")).is_compatible).toBe(true);
    expect((await registry.call("DELETE", "/config/t-value")).body).toEqual({ compatibilityLevel: "BACKWARD_TRANSITIVE" });
    expect((await registry.call("GET", "/config/t-value?defaultToGlobal=true")).body).toEqual({ compatibilityLevel: "BACKWARD" });
  });

  it("requires its basic-auth credentials when it has some", async () => {
    const registry = await started({ username: "analyst", password: "s3cret" });
    expect((await registry.call("GET", "/subjects")).status).toBe(200);
    const anonymous = await fetch(`${registry.url}/subjects`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error_code: 40101, message: "Unauthorized" });
    const wrong = await fetch(`${registry.url}/subjects`, {
      headers: { authorization: `Basic ${Buffer.from("analyst:nope").toString("base64")}` },
    });
    expect(wrong.status).toBe(401);
    expect((await registry.client().register({ type: "record", name: "A", fields: [] }, { subject: "a-value" })).id).toBe(1);
    // What /status says of a registry the stack does not run (SCHEMA_REGISTRY_URL).
    expect(await probeExternalRegistry(registry.url, { username: "analyst", password: "s3cret" })).toMatchObject({
      healthy: true,
      metrics: { subjects: 1 },
    });
    expect(await probeExternalRegistry(registry.url, undefined)).toMatchObject({ healthy: false, detail: expect.stringContaining("401") });
    const url = registry.url;
    await registry.stop();
    expect(await probeExternalRegistry(url, undefined)).toMatchObject({ healthy: false, detail: expect.stringContaining("not reachable") });
  });

  it("its store reader shows no lag once it has applied the log, and a stop leaves no consumer group behind", async () => {
    const registry = await started();
    await registry.call("POST", "/subjects/g-value/versions", { schema: record(base) });
    const admin = createKafka(testStack().kafkaBrokers, "registry-groups-test", { silent: true }).admin();
    await admin.connect();
    try {
      const readerOfTopic = async () => {
        const groups = (await admin.listGroups()).groups.filter((group) => group.groupId.startsWith("fomo-schema-registry-"));
        for (const { groupId } of groups) {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [registry.topic] });
          const committed = offsets?.partitions[0]?.offset;
          if (committed !== undefined && committed !== "-1") return { groupId, committed };
        }
        return undefined;
      };
      // kafkajs commits after each batch it has handed over: wait for the first commit.
      let reader: Awaited<ReturnType<typeof readerOfTopic>>;
      for (let attempt = 0; attempt < 50 && !reader; attempt++) {
        reader = await readerOfTopic();
        if (!reader) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const [high] = await admin.fetchTopicOffsets(registry.topic);
      expect(reader?.committed).toBe(high?.high);
      await registry.stop();
      expect((await admin.listGroups()).groups.map((group) => group.groupId)).not.toContain(reader?.groupId);
    } finally {
      await admin.disconnect();
    }
  });
});
