import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { basicAuthHeader } from "../schema-registry/http/basic-auth";
import type { RegistryConnection } from "./registry-lookup";

const registeredSchema = z.object({ id: z.number().int().nonnegative() });
const registryErrorSchema = z.object({ error_code: z.number().optional(), message: z.string().optional() });

/**
 * `POST /subjects/{subject}/versions`: registers a schema (or finds it already registered) and
 * returns its id. A registry that is not there yet, or answers 5xx, is `unavailable:schema_registry`
 * with `canRetry`; a refusal (an invalid or incompatible schema, bad credentials) is final.
 */
export async function registerSchema(
  connection: RegistryConnection,
  subject: string,
  schema: { schemaType: "AVRO" | "PROTOBUF" | "JSON"; schema: string },
): Promise<number> {
  const headers: Record<string, string> = {
    "content-type": "application/vnd.schemaregistry.v1+json",
    accept: "application/vnd.schemaregistry.v1+json, application/json",
  };
  if (connection.auth) headers.authorization = basicAuthHeader(connection.auth);
  const where = `${connection.url}/subjects/${encodeURIComponent(subject)}/versions`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(where, {
      method: "POST",
      headers,
      body: JSON.stringify(schema),
      signal: AbortSignal.timeout(connection.timeoutMs ?? 3_000),
    });
    text = await response.text();
  } catch (error) {
    throw new FomoError(
      "unavailable:schema_registry",
      `the schema registry at ${connection.url} did not answer: ${(error as Error).message}`,
      {
        cause: error,
        canRetry: true,
      },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const registered = registeredSchema.safeParse(body);
  if (response.ok && registered.success) return registered.data.id;
  const refusal = registryErrorSchema.safeParse(body).data;
  const reason = refusal?.message ?? text.slice(0, 200);
  const code = refusal?.error_code ? ` (error ${refusal.error_code})` : "";
  throw new FomoError(
    response.status >= 500 ? "unavailable:schema_registry" : "bad_request:schema_registration",
    `the schema registry refused subject ${subject}: HTTP ${response.status}${code}: ${reason}`,
    { canRetry: response.status >= 500 },
  );
}
