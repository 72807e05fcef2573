import { z } from "zod";
import { FomoError } from "../../lib/errors";
import { basicAuthHeader } from "../schema-registry/http/basic-auth";

/**
 * FOMO's one client of a Confluent-compatible Schema Registry's REST API (the embedded one, or
 * SCHEMA_REGISTRY_URL's Confluent, Apicurio, Redpanda or Karapace): the decoders' lookups, the
 * generator's registrations, the explorer's pages and the supervisor's probe all go through it, so
 * credentials, timeouts and error meanings are the same everywhere.
 */
export interface RegistryConnection {
  /** Base URL, without a trailing slash. */
  url: string;
  auth?: { username: string; password: string };
  /** Per request; a slow registry must not hold up a reader for long. */
  timeoutMs?: number;
}

/** Confluent's error body: `{"error_code": 40401, "message": "Subject 'x' not found."}`. */
const registryErrorSchema = z.object({ error_code: z.number().optional(), message: z.string().optional() });

/** A registry answer that is a 4xx refusal other than credentials: its status and Confluent error code (0 when the body had none). */
export class RegistryAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RegistryRequest {
  path: string;
  method?: "GET" | "POST" | "DELETE";
  /** Sent as JSON (POST). */
  body?: unknown;
  /** When the connection names no timeout. */
  defaultTimeoutMs?: number;
}

/** What the registry said, whatever it said: a body that is not JSON (a proxy's HTML page) is undefined. */
async function exchange(connection: RegistryConnection, request: RegistryRequest): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: "application/vnd.schemaregistry.v1+json, application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/vnd.schemaregistry.v1+json";
  if (connection.auth) headers.authorization = basicAuthHeader(connection.auth);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${connection.url}${request.path}`, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(connection.timeoutMs ?? request.defaultTimeoutMs ?? 5_000),
    });
    text = await response.text();
  } catch (cause) {
    const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    throw new FomoError("unavailable:schema_registry", `The Schema Registry at ${connection.url} did not answer (${why})`, {
      cause,
      canRetry: true,
    });
  }
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: undefined };
  }
}

/**
 * One request to the registry, its answer validated by `schema`. Throws FomoError with a code:
 * `unavailable:schema_registry` (no answer, a 5xx, an answer of the wrong shape: retry later),
 * `config:schema_registry_credentials` (401/403), or a RegistryAnswerError for other 4xx answers
 * (the caller knows which of them mean "not found" or "incompatible").
 */
export async function registryRequest<T>(connection: RegistryConnection, request: RegistryRequest, schema: z.ZodType<T>): Promise<T> {
  const { status, body } = await exchange(connection, request);
  if (status === 401 || status === 403) {
    throw new FomoError(
      "config:schema_registry_credentials",
      `The Schema Registry refused our credentials (HTTP ${status}): check SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD`,
    );
  }
  if (status < 200 || status >= 300) {
    const error = registryErrorSchema.safeParse(body).data;
    const message = error?.message ?? `HTTP ${status}`;
    if (status >= 500) {
      throw new FomoError("unavailable:schema_registry", `The Schema Registry failed on ${request.path}: ${message}`, { canRetry: true });
    }
    throw new RegistryAnswerError(status, error?.error_code ?? 0, message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new FomoError("unavailable:schema_registry", `The Schema Registry answered ${request.path} with an unexpected body`, {
      cause: parsed.error,
      canRetry: true,
    });
  }
  return parsed.data;
}

/** A GET of the registry's REST API (see registryRequest). */
export function registryGet<T>(connection: RegistryConnection, path: string, schema: z.ZodType<T>): Promise<T> {
  return registryRequest(connection, { path }, schema);
}

/** The registry the configuration names (SCHEMA_REGISTRY_URL with its basic auth, else the embedded one), for every service alike. */
export function registryConnectionOf(
  registry: { url: string; auth?: { username: string; password: string } },
  timeoutMs?: number,
): RegistryConnection {
  return { url: registry.url, ...(registry.auth ? { auth: registry.auth } : {}), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}
