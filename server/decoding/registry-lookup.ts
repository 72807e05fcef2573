import { z } from "zod";
import { basicAuthHeader } from "../schema-registry/http/basic-auth";

export interface RegistryConnection {
  /** Base URL, without a trailing slash. */
  url: string;
  auth?: { username: string; password: string };
  /** Per request; a slow registry must not hold up a reader for long. */
  timeoutMs?: number;
}

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

async function getJson(connection: RegistryConnection, path: string): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: "application/vnd.schemaregistry.v1+json, application/json" };
  if (connection.auth) headers.authorization = basicAuthHeader(connection.auth);
  const response = await fetch(`${connection.url}${path}`, { headers, signal: AbortSignal.timeout(connection.timeoutMs ?? 3_000) });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // An HTML error page from a proxy: the status says enough.
  }
  return { status: response.status, body };
}

/** `GET /schemas/ids/{id}` (+ `/versions` for the subject and version). Never throws. */
export async function lookUpSchema(connection: RegistryConnection, id: number): Promise<LookupOutcome> {
  try {
    const found = await getJson(connection, `/schemas/ids/${id}`);
    if (found.status === 404) return { kind: "unknown", detail: `the registry has no schema with id ${id}` };
    if (found.status === 401 || found.status === 403) {
      return { kind: "unauthorized", detail: `the registry refused our credentials (HTTP ${found.status})` };
    }
    const parsed = schemaByIdSchema.safeParse(found.body);
    if (found.status !== 200 || !parsed.success) {
      return { kind: "unreachable", detail: `the registry answered HTTP ${found.status} for schema id ${id}` };
    }
    const schema: RegisteredSchema = {
      schema: parsed.data.schema,
      schemaType: parsed.data.schemaType ?? "AVRO",
      hasReferences: (parsed.data.references?.length ?? 0) > 0,
    };
    // Subject and version are a courtesy: older registries lack the endpoint, so failure is fine.
    const usages = await getJson(connection, `/schemas/ids/${id}/versions`).catch(() => undefined);
    const first = usagesSchema.safeParse(usages?.body).data?.[0];
    return { kind: "found", schema: first ? { ...schema, subject: first.subject, version: first.version } : schema };
  } catch (error) {
    return { kind: "unreachable", detail: `the registry at ${connection.url} did not answer: ${(error as Error).message}` };
  }
}
