import { z } from "zod";

/**
 * The records of the `_schemas` topic, in Confluent Schema Registry's own JSON shapes, so a log
 * written by either can be read by the other. Keys are compared byte for byte by compaction, so
 * they are always written with the same property order as Confluent's (keytype, subject, version, magic).
 */
export const SCHEMA_TYPES = ["AVRO", "PROTOBUF", "JSON"] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export const COMPATIBILITY_LEVELS = [
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
  "NONE",
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export const schemaReferenceSchema = z.object({ name: z.string(), subject: z.string(), version: z.number().int() });

const schemaKeySchema = z.object({
  keytype: z.literal("SCHEMA"),
  subject: z.string(),
  version: z.number().int().positive(),
  magic: z.number().int(),
});
const configKeySchema = z.object({ keytype: z.literal("CONFIG"), subject: z.string().nullable().optional(), magic: z.number().int() });
/** NOOP, DELETE_SUBJECT, CLEAR_SUBJECT, MODE, CONTEXT…: Confluent writes them; the state does not need them. */
const otherKeySchema = z.object({ keytype: z.string() });

export const storeKeySchema = z.union([schemaKeySchema, configKeySchema, otherKeySchema]);
export type StoreKey = z.infer<typeof storeKeySchema>;

export const schemaValueSchema = z.object({
  subject: z.string(),
  version: z.number().int().positive(),
  id: z.number().int().positive(),
  schema: z.string(),
  schemaType: z.enum(SCHEMA_TYPES).optional(),
  references: z.array(schemaReferenceSchema).optional(),
  deleted: z.boolean().optional(),
});
export type SchemaValue = z.infer<typeof schemaValueSchema>;

export const configValueSchema = z.object({ compatibilityLevel: z.enum(COMPATIBILITY_LEVELS) });

export function schemaKeyBytes(subject: string, version: number): Buffer {
  return Buffer.from(JSON.stringify({ keytype: "SCHEMA", subject, version, magic: 1 }));
}

/** `subject` null is the global config. */
export function configKeyBytes(subject: string | null): Buffer {
  return Buffer.from(JSON.stringify({ keytype: "CONFIG", subject, magic: 0 }));
}

export function schemaValueBytes(value: SchemaValue): Buffer {
  const { subject, version, id, schemaType, references, schema, deleted } = value;
  const type = schemaType === "AVRO" ? undefined : schemaType;
  return Buffer.from(
    JSON.stringify({ subject, version, id, schemaType: type, references: references ?? [], schema, deleted: deleted ?? false }),
  );
}

export function configValueBytes(level: CompatibilityLevel): Buffer {
  return Buffer.from(JSON.stringify({ compatibilityLevel: level }));
}

/** A record as read from the topic; `undefined` for keys that are not JSON or not known. */
export function parseStoreKey(bytes: Buffer | null): StoreKey | undefined {
  if (!bytes) return undefined;
  try {
    const parsed = storeKeySchema.safeParse(JSON.parse(bytes.toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
