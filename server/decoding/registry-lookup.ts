import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { RegistryAnswerError, registryGet, registryRequest, type RegistryConnection } from "./registry-client";

export type { RegistryConnection } from "./registry-client";

/** A decoder waits this long for a schema at most (unless the connection says otherwise). */
const LOOKUP_TIMEOUT_MS = 3_000;

const schemaByIdSchema = z.object({
  schema: z.string(),
  schemaType: z.enum(["AVRO", "PROTOBUF", "JSON"]).optional(),
  references: z.array(z.unknown()).optional(),
});
const usagesSchema = z.array(z.object({ subject: z.string(), version: z.number().int() }));

export interface RegisteredSchema {
  schema: string;
  schemaType: "AVRO" | "PROTOBUF" | "JSON";
  hasReferences: boolean;
  /** Where it is registered (the first subject/version), when the registry says. */
  subject?: string;
  version?: number;
}

/** How a lookup failed: `unreachable` is worth retrying, the others are answers. */
export type LookupOutcome =
  | { kind: "found"; schema: RegisteredSchema }
  | { kind: "unknown"; detail: string }
  | { kind: "unauthorized"; detail: string }
  | { kind: "unreachable"; detail: string };

/** `GET /schemas/ids/{id}` (+ `/versions` for the subject and version). Never throws. */
export async function lookUpSchema(connection: RegistryConnection, id: number): Promise<LookupOutcome> {
  let found: z.infer<typeof schemaByIdSchema>;
  try {
    found = await registryRequest(connection, { path: `/schemas/ids/${id}`, defaultTimeoutMs: LOOKUP_TIMEOUT_MS }, schemaByIdSchema);
  } catch (error) {
    if (error instanceof RegistryAnswerError && error.status === 404)
      return { kind: "unknown", detail: `the registry has no schema with id ${id}` };
    if (error instanceof FomoError && error.code === "config:schema_registry_credentials") {
      return { kind: "unauthorized", detail: "the registry refused our credentials" };
    }
    const why = error instanceof Error ? error.message : String(error);
    return { kind: "unreachable", detail: `schema id ${id}: ${why}` };
  }
  const schema: RegisteredSchema = {
    schema: found.schema,
    schemaType: found.schemaType ?? "AVRO",
    hasReferences: (found.references?.length ?? 0) > 0,
  };
  // Subject and version are a courtesy: older registries lack the endpoint, so failure is fine.
  const usages = await registryGet({ timeoutMs: LOOKUP_TIMEOUT_MS, ...connection }, `/schemas/ids/${id}/versions`, usagesSchema).catch(
    () => undefined,
  );
  const first = usages?.[0];
  return { kind: "found", schema: first ? { ...schema, subject: first.subject, version: first.version } : schema };
}
