import { z } from "zod";
import { registryErrors } from "../registry-error";
import type { SchemaSubmission } from "../schema-registry";
import { schemaReferenceSchema, SCHEMA_TYPES } from "../store-records";

const schemaSubmissionSchema = z.object({
  schema: z.string().min(1),
  // Absent means AVRO (Confluent's rule); clients send the upper-case names.
  schemaType: z.enum(SCHEMA_TYPES).optional(),
  references: z.array(schemaReferenceSchema).optional(),
});

const configBodySchema = z.union([z.object({ compatibility: z.string() }), z.object({ compatibilityLevel: z.string() })]);

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")}: ${issue.message})` : "";
  // Confluent answers a bad schemaType or a missing schema with 42201 too.
  throw what === "schema"
    ? registryErrors.invalidSchema(`Invalid schema request${where}`)
    : registryErrors.badRequest(`Invalid ${what} request${where}`);
}

export function parseSchemaSubmission(body: unknown): SchemaSubmission {
  const parsed = parseBody(schemaSubmissionSchema, body, "schema");
  return { schema: parsed.schema, schemaType: parsed.schemaType ?? "AVRO", references: parsed.references ?? [] };
}

export function parseRequestedLevel(body: unknown): string {
  const parsed = parseBody(configBodySchema, body, "config");
  return "compatibility" in parsed ? parsed.compatibility : parsed.compatibilityLevel;
}
