import { z } from "zod";
import { catalogSchema, type Catalog } from "../../lib/api/catalog";
import { apiErrorSchema, queryResultSchema, type QueryResult } from "../../lib/api/query";
import { cancelledError } from "../../lib/cancellation";
import { FomoError, type ErrorCode } from "../../lib/errors";

/**
 * HTTP client of the Kafka SQL engine (`server/engine`): `POST /v1/query`, `GET /v1/catalog`,
 * `GET /v1/health`. Every response is validated; the engine's own errors come back as FomoErrors
 * with its code, message and position; an engine that cannot be reached is `unavailable:engine`.
 */

export interface EngineClientOptions {
  /** Base URL of the engine, e.g. config.engine.url. */
  url: string;
  /** The engine's own query time limit; the client waits a little longer so the engine's error wins. */
  queryTimeoutMs: number;
}

export interface EngineClient {
  /** Aborting `signal` aborts the HTTP request; the engine sees the disconnect and interrupts the query. */
  query(sql: string, options?: { signal?: AbortSignal }): Promise<QueryResult>;
  catalog(): Promise<Catalog>;
  health(): Promise<unknown>;
}

const TIMEOUT_GRACE_MS = 5_000;
const KNOWN_KINDS = new Set([
  "bad_request",
  "sandbox",
  "not_found",
  "timeout",
  "cancelled",
  "rate_limit",
  "unavailable",
  "config",
  "stack",
  "internal",
]);

function engineErrorCode(code: string): ErrorCode {
  const kind = code.split(":")[0] ?? "";
  return KNOWN_KINDS.has(kind) && code.includes(":") ? (code as ErrorCode) : "internal:engine";
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const baseUrl = options.url.replace(/\/+$/, "");
  const timeoutMs = options.queryTimeoutMs + TIMEOUT_GRACE_MS;

  async function call<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
    let response: Response;
    const cancel = init?.signal ?? undefined;
    const signal = cancel ? AbortSignal.any([cancel, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      response = await fetch(`${baseUrl}${path}`, { ...init, signal, cache: "no-store" });
    } catch (error) {
      if (cancel?.aborted) throw cancelledError(error);
      if (error instanceof DOMException && error.name === "TimeoutError") {
        throw new FomoError("timeout:engine", `The Kafka engine did not answer within ${timeoutMs} ms`, { cause: error, canRetry: true });
      }
      throw new FomoError("unavailable:engine", `The Kafka engine at ${baseUrl} cannot be reached`, { cause: error, canRetry: true });
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (cancel?.aborted) throw cancelledError(error);
      throw new FomoError("unavailable:engine", `The Kafka engine answered ${response.status} without a JSON body`, {
        cause: error,
        canRetry: true,
      });
    }

    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(body);
      if (!parsed.success) {
        throw new FomoError("internal:engine", `The Kafka engine answered ${response.status} with an unexpected body`, {
          cause: parsed.error,
        });
      }
      const { code, message, line, column } = parsed.data.error;
      throw new FomoError(engineErrorCode(code), message, { line, column, canRetry: response.status >= 500 });
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new FomoError("internal:engine", `The Kafka engine's answer to ${path} does not match the API`, { cause: parsed.error });
    }
    return parsed.data;
  }

  return {
    query: (sql, options) =>
      call("/v1/query", queryResultSchema, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sql }),
        signal: options?.signal,
      }),
    catalog: () => call("/v1/catalog", catalogSchema),
    // The health body is the engine's own (per-topic offsets); callers read what they need.
    health: () => call("/v1/health", z.unknown()),
  };
}
