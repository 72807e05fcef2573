import { z } from "zod";
import { FomoError } from "../../lib/errors";
import type { RegistryConnection } from "../decoding/registry-lookup";
import { basicAuthHeader } from "../schema-registry/http/basic-auth";

/** Confluent's error body: `{"error_code": 40401, "message": "Subject 'x' not found."}`. */
const registryErrorSchema = z.object({ error_code: z.number(), message: z.string() });

/** A registry answer that is an error: its HTTP status and Confluent error code (0 when the body had none). */
export class RegistryAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One GET of the registry's REST API, validated by `schema`. Throws FomoError with a code:
 * `unavailable:schema_registry` (no answer, a 5xx, an answer of the wrong shape: retry later),
 * `config:schema_registry_credentials` (401/403), or a RegistryAnswerError for other 4xx answers
 * (the caller knows which of them mean "not found").
 */
export async function registryGet<T>(connection: RegistryConnection, path: string, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { accept: "application/vnd.schemaregistry.v1+json, application/json" };
  if (connection.auth) headers.authorization = basicAuthHeader(connection.auth);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${connection.url}${path}`, { headers, signal: AbortSignal.timeout(connection.timeoutMs ?? 5_000) });
    text = await response.text();
  } catch (cause) {
    const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    throw new FomoError("unavailable:schema_registry", `The Schema Registry at ${connection.url} did not answer (${why})`, {
      cause,
      canRetry: true,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined; // An HTML page from a proxy: the status tells the story.
  }
  if (response.status === 401 || response.status === 403) {
    throw new FomoError(
      "config:schema_registry_credentials",
      `The Schema Registry refused our credentials (HTTP ${response.status}): check SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD`,
    );
  }
  if (!response.ok) {
    const error = registryErrorSchema.safeParse(body);
    const message = error.success ? error.data.message : `HTTP ${response.status}`;
    if (response.status >= 500) {
      throw new FomoError("unavailable:schema_registry", `The Schema Registry failed on ${path}: ${message}`, { canRetry: true });
    }
    throw new RegistryAnswerError(response.status, error.success ? error.data.error_code : 0, message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new FomoError("unavailable:schema_registry", `The Schema Registry answered ${path} with an unexpected body`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
