import { SchemaType } from "@kafkajs/confluent-schema-registry";
import { describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { registryPerTest } from "../schema-registry/testing/registry-test-kit";
import { readSubjectDetail, readSubjectsOverview } from "./schema-registry-reads";

const pingV1 = { type: "record" as const, name: "Ping", namespace: "fomo", fields: [{ name: "n", type: "int" }] };
const pingV2 = { ...pingV1, fields: [...pingV1.fields, { name: "note", type: "string", default: "" }] };
const proto = `syntax = "proto3";\npackage fomo;\nmessage Visit { string page = 1; }\n`;

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error instanceof FomoError ? error.code : `not a FomoError: ${String(error)}`;
  }
}

describe("the explorer's Schema Registry pages", () => {
  const newRegistry = registryPerTest();

  it("lists subjects with their latest version, schema id and type, and the global compatibility", async () => {
    const registry = await newRegistry();
    const client = registry.client();
    await client.register(pingV1, { subject: "pings-value" });
    const { id: v2 } = await client.register(pingV2, { subject: "pings-value" });
    const { id: visit } = await client.register({ type: SchemaType.PROTOBUF, schema: proto }, { subject: "visits-value" });

    const overview = await readSubjectsOverview({ url: registry.url });
    expect(overview).toMatchObject({
      totalSubjects: 2,
      globalCompatibility: "BACKWARD",
      subjects: [
        { subject: "pings-value", latestVersion: 2, schemaId: v2, schemaType: "AVRO" },
        { subject: "visits-value", latestVersion: 1, schemaId: visit, schemaType: "PROTOBUF" },
      ],
    });
  });

  it("shows a subject's versions newest first with pretty schema text, and where its compatibility comes from", async () => {
    const registry = await newRegistry({ username: "explorer", password: "s3cret" });
    // Through the REST API: this producer's client also sets a subject-level compatibility on first use.
    const register = async (schema: object) =>
      ((await registry.call("POST", "/subjects/pings-value/versions", { schema: JSON.stringify(schema) })).body as { id: number }).id;
    const v1 = await register(pingV1);
    const v2 = await register(pingV2);
    const connection = { url: registry.url, auth: { username: "explorer", password: "s3cret" } };

    const detail = await readSubjectDetail(connection, "pings-value");
    expect(detail).toMatchObject({
      subject: "pings-value",
      compatibility: { level: "BACKWARD", source: "global" },
      totalVersions: 2,
      versions: [
        { version: 2, schemaId: v2, schemaType: "AVRO" },
        { version: 1, schemaId: v1, schemaType: "AVRO" },
      ],
    });
    expect(detail.versions[1]?.schema).toBe(JSON.stringify(JSON.parse(detail.versions[1]?.schema ?? ""), null, 2));
    expect(JSON.parse(detail.versions[1]?.schema ?? "")).toMatchObject({ name: "Ping", fields: [{ name: "n", type: "int" }] });

    expect((await registry.call("PUT", "/config/pings-value", { compatibility: "FULL" })).status).toBe(200);
    expect((await readSubjectDetail(connection, "pings-value")).compatibility).toEqual({ level: "FULL", source: "subject" });

    expect(await codeOf(readSubjectDetail(connection, "nobody-value"))).toBe("not_found:subject");
    expect(await codeOf(readSubjectsOverview({ url: registry.url }))).toBe("config:schema_registry_credentials");
  });

  it("answers with a coded, retryable error when the registry is down", async () => {
    const registry = await newRegistry();
    const url = registry.url;
    await registry.stop();
    const down = readSubjectsOverview({ url, timeoutMs: 2_000 });
    await expect(down).rejects.toBeInstanceOf(FomoError);
    await expect(down).rejects.toMatchObject({ code: "unavailable:schema_registry", canRetry: true, httpStatus: 503 });
    expect(await codeOf(readSubjectDetail({ url, timeoutMs: 2_000 }, "pings-value"))).toBe("unavailable:schema_registry");
  });
});
