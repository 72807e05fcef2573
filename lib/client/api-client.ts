import { z } from "zod";
import { apiErrorSchema, cancelResultSchema, queryResultSchema, type CancelResult, type Database, type QueryResult } from "@/lib/api/query";
import { catalogSchema, type Catalog } from "@/lib/api/catalog";
import { pipelineInfoSchema, type PipelineInfo } from "@/lib/api/pipeline";

/** What the browser shows for a failed call: the API's error, or why the API could not be reached. */
export interface ClientError {
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** With `rate_limit:*`: when to try again, in ms. */
  retryAfterMs?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ClientError };

async function callJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch (cause) {
    return {
      ok: false,
      error: { code: "unavailable:web", message: `The FOMO server did not answer (${String(cause)}). Is \`npm run demo\` still running?` },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: { code: "internal:bad_response", message: `The server answered ${response.status} without JSON.` } };
  }
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) return { ok: false, error: parsed.data.error };
    return { ok: false, error: { code: "internal:bad_response", message: `The server answered ${response.status}.` } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: "internal:bad_response",
        message: `Unexpected response shape from ${url}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      },
    };
  }
  return { ok: true, value: parsed.data };
}

/** `queryId` (see newQueryId) lets this run be cancelled by cancelQuery; aborting `signal` cancels it too. */
export function runQuery(
  database: Database,
  sql: string,
  options: { signal?: AbortSignal; queryId?: string } = {},
): Promise<Outcome<QueryResult>> {
  return callJson("/api/query", queryResultSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ database, sql, queryId: options.queryId }),
    signal: options.signal,
  });
}

/** Stops the run started with this id; answers once it has stopped on the server. */
export function cancelQuery(queryId: string): Promise<Outcome<CancelResult>> {
  return callJson("/api/query/cancel", cancelResultSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ queryId }),
  });
}

/**
 * 128 random bits per run, as the API's queryId: only the tab that drew it can cancel that run.
 * getRandomValues, unlike randomUUID, also exists on a plain-http hosted copy (no secure context).
 */
export function newQueryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function fetchCatalog(database: Database): Promise<Outcome<Catalog>> {
  return callJson(`/api/catalog?database=${database}`, catalogSchema);
}

export type PipelineAction = "stop" | "start";

export function controlPipeline(action: PipelineAction): Promise<Outcome<{ ok: true }>> {
  return callJson("/api/pipeline", z.object({ ok: z.literal(true) }), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action }),
  });
}

export function fetchPipelineInfo(): Promise<Outcome<PipelineInfo>> {
  return callJson("/api/pipeline", pipelineInfoSchema);
}

/** Runs a query and returns its rows, throwing the API's error; for a panel that runs its own query once. */
export async function queryRows(database: Database, sql: string): Promise<QueryResult> {
  const outcome = await runQuery(database, sql);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}
