import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { RegistryAnswerError, registryRequest, type RegistryConnection } from "./registry-client";

const registeredSchema = z.object({ id: z.number().int().nonnegative() });

/**
 * `POST /subjects/{subject}/versions`: registers a schema (or finds it already registered) and
 * returns its id. A registry that is not there yet, or answers 5xx, is `unavailable:schema_registry`
 * with `canRetry`; a refusal (an invalid or incompatible schema: `bad_request:schema_registration`,
 * bad credentials: `config:schema_registry_credentials`) is final.
 */
export async function registerSchema(
  connection: RegistryConnection,
  subject: string,
  schema: { schemaType: "AVRO" | "PROTOBUF" | "JSON"; schema: string },
): Promise<number> {
  try {
    const registered = await registryRequest(
      connection,
      { method: "POST", path: `/subjects/${encodeURIComponent(subject)}/versions`, body: schema, defaultTimeoutMs: 3_000 },
      registeredSchema,
    );
    return registered.id;
  } catch (error) {
    if (!(error instanceof RegistryAnswerError)) throw error;
    const code = error.errorCode ? ` (error ${error.errorCode})` : "";
    throw new FomoError(
      "bad_request:schema_registration",
      `the schema registry refused subject ${subject}: HTTP ${error.status}${code}: ${error.message}`,
      { cause: error },
    );
  }
}
