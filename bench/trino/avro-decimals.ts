import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { RegistryAnswerError, registryConnectionOf, registryGet } from "../../server/decoding/registry-client";

/**
 * Trino 476's Confluent Avro mapping ignores logical types: a `decimal` (bytes) column comes out
 * as VARBINARY, on which `sum()` does not exist. The check reads the decimal's scale from the
 * registry and decodes the bytes in Trino SQL (big-endian two's complement, as Avro writes it),
 * so the seed's query runs unchanged on top of a view of the topic.
 */
export interface AvroDecimalField {
  name: string;
  precision: number;
  scale: number;
}

const decimalTypeSchema = z.object({
  type: z.literal("bytes"),
  logicalType: z.literal("decimal"),
  precision: z.number().int(),
  scale: z.number().int().optional(),
});
const recordSchema = z.object({ type: z.literal("record"), fields: z.array(z.object({ name: z.string(), type: z.unknown() })) });
const latestVersionSchema = z.object({ schema: z.string(), schemaType: z.string().optional() });

/** Top-level decimal fields of a record schema, nullable unions included. */
export function avroDecimalFields(schemaText: string): AvroDecimalField[] {
  const record = recordSchema.safeParse(JSON.parse(schemaText));
  if (!record.success) return [];
  return record.data.fields.flatMap((field) => {
    const branches = Array.isArray(field.type) ? field.type : [field.type];
    const decimal = branches.map((branch) => decimalTypeSchema.safeParse(branch)).find((parsed) => parsed.success);
    return decimal?.data ? [{ name: field.name.toLowerCase(), precision: decimal.data.precision, scale: decimal.data.scale ?? 0 }] : [];
  });
}

export async function fetchValueDecimals(
  registryUrl: string,
  auth: { username: string; password: string } | undefined,
  topic: string,
): Promise<AvroDecimalField[]> {
  const path = `/subjects/${encodeURIComponent(`${topic}-value`)}/versions/latest`;
  const connection = registryConnectionOf({ url: registryUrl.replace(/\/+$/, ""), auth });
  const latest = await registryGet(connection, path, latestVersionSchema).catch((error: unknown) => {
    if (!(error instanceof RegistryAnswerError)) throw error;
    throw new FomoError("not_found:subject", `The registry answered ${error.status} to GET ${registryUrl}${path}`, { cause: error });
  });
  return (latest.schemaType ?? "AVRO") === "AVRO" ? avroDecimalFields(latest.schema) : [];
}

/** Trino's identifier quoting. */
export function trinoIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The decimal's value from its bytes: sign-extend to 8 bytes (X'FF' when the first byte's top
 * bit is set), read as a big-endian BIGINT, scale it as an exact DECIMAL of the schema's type. 8 bytes
 * hold every unscaled value up to precision 18; a wider decimal is refused, not approximated.
 */
export function trinoDecimalExpression(field: AvroDecimalField): string {
  if (field.precision > 18) {
    throw new FomoError(
      "bad_request:decimal",
      `${field.name} is decimal(${field.precision},${field.scale}): wider than the 18 digits the check decodes`,
    );
  }
  const column = trinoIdentifier(field.name);
  const sign = `IF(to_hex(substr(${column}, 1, 1)) >= '80', X'FF', X'00')`;
  const unscaled = `CAST(from_big_endian_64(lpad(${column}, 8, ${sign})) AS decimal(18, 0))`;
  const value = field.scale === 0 ? unscaled : `${unscaled} * DECIMAL '${(1 / 10 ** field.scale).toFixed(field.scale)}'`;
  return `CAST(${value} AS decimal(${field.precision}, ${field.scale}))`;
}
