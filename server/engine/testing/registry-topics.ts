import { afterEach, beforeEach } from "vitest";
import { TestRegistry } from "../../schema-registry/testing/registry-test-kit";
import { testStack } from "../../stack/testing/test-stack";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, type EngineTestKit } from "./engine-test-kit";

/**
 * What the engine tests of registry formats (Avro, Protobuf, unknown schema ids) share. For a test
 * file: each test gets its own engine kit (its own topics) and its own embedded registry (its own
 * store topic), both released after it.
 */
export function registryTopicsPerTest(): { kit: () => EngineTestKit; registry: () => TestRegistry } {
  let kit: EngineTestKit | undefined;
  let registry: TestRegistry | undefined;
  beforeEach(async () => {
    kit = await createEngineTestKit(testStack().kafkaBrokers);
    registry = new TestRegistry();
    await registry.start();
  });
  afterEach(async () => {
    await kit?.close();
    await registry?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("only inside a test");
    return value;
  };
  return { kit: () => started(kit), registry: () => started(registry) };
}

/** DESCRIBE's Field → Type. */
export async function describedTypes(engine: KafkaSqlEngine, topic: string): Promise<Record<string, string>> {
  const described = await engine.query(`DESCRIBE \`${topic}\``);
  return Object.fromEntries(described.rows.map((row) => [String(row[0]), String(row[1])]));
}

/** An Avro decimal's bytes: the unscaled value as big-endian two's complement. */
export function avroDecimalBytes(unscaled: bigint): Buffer {
  let length = 1;
  while (unscaled >= 1n << BigInt(8 * length - 1) || unscaled < -(1n << BigInt(8 * length - 1))) length++;
  const twos = unscaled < 0n ? (1n << BigInt(8 * length)) + unscaled : unscaled;
  return Buffer.from(twos.toString(16).padStart(length * 2, "0"), "hex");
}

/** Engine options for a test registry: unknown ids and waiting rows are retried within a fraction of a second. */
export function registryOptions(url: string) {
  return { schemaRegistry: { url, timeoutMs: 1_000 }, unknownSchemaIdTtlMs: 200, redecodeIntervalMs: 200 };
}
