import type { KafkaSqlEngine } from "../kafka-sql-engine";

/**
 * What the engine tests of registry formats (Avro, Protobuf, unknown schema ids) share: waiting for
 * an outcome that ingest reaches in its own time, and reading DESCRIBE as field → type.
 */
export async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
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
