import type { z } from "zod";
import { catalogSchema, type Catalog } from "../../lib/api/catalog";
import { apiErrorSchema, queryResultSchema, type QueryResult } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";
import { createEngineClient } from "../../server/query/engine-client";

/**
 * FOMO's Kafka SQL engine as the check asks it: straight through its HTTP API (`--engine-url`,
 * the product's engine client) or through the web app's routes (`--web-url`), as the SQL
 * workspace does.
 */
export interface EngineSide {
  /** Where the answers come from, for the report. */
  label: string;
  catalog(): Promise<Catalog>;
  query(sql: string): Promise<QueryResult>;
}

export function engineSideOverHttp(engineUrl: string): EngineSide {
  const client = createEngineClient({ url: engineUrl, queryTimeoutMs: 120_000 });
  return { label: `engine ${engineUrl} (POST /v1/query)`, catalog: () => client.catalog(), query: (sql) => client.query(sql) };
}

async function webCall<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(130_000) });
  } catch (cause) {
    throw new FomoError("unavailable:web", `The web app at ${url} cannot be reached`, { cause });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    if (error.success) throw new FomoError("internal:web", `${error.data.error.code}: ${error.data.error.message}`);
    throw new FomoError("internal:web", `The web app answered ${response.status} to ${url}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new FomoError("internal:web", `The web app's answer to ${url} does not match the API`, { cause: parsed.error });
  return parsed.data;
}

export function engineSideOverWeb(webUrl: string): EngineSide {
  const base = webUrl.replace(/\/+$/, "");
  return {
    label: `web app ${base} (POST /api/query, database kafka)`,
    catalog: () => webCall(`${base}/api/catalog?database=kafka`, catalogSchema),
    query: (sql) =>
      webCall(`${base}/api/query`, queryResultSchema, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ database: "kafka", sql }),
      }),
  };
}

/**
 * Whether the engine can answer the check at all: it must list the topic as a table with the
 * decoded columns the queries use. When it cannot, the reason is reported as such, never as a
 * wrong answer (nor as a right one).
 */
export async function engineReadiness(engine: EngineSide, topic: string, columns: string[]): Promise<{ ready: boolean; reason: string }> {
  let catalog: Catalog;
  try {
    catalog = await engine.catalog();
  } catch (error) {
    return { ready: false, reason: `its catalog could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const table = catalog.schemas.flatMap((schema) => schema.tables).find((entry) => entry.name.toLowerCase() === topic);
  if (!table) return { ready: false, reason: `it lists no table ${topic}` };
  const names = new Set(table.columns.map((column) => column.name.toLowerCase()));
  const missing = columns.filter((column) => !names.has(column));
  if (missing.length > 0) {
    const seen = table.columns.map((column) => `${column.name} ${column.type}`).join(", ");
    return {
      ready: false,
      reason: `its table ${topic} has no column ${missing.join(", ")} (it decodes no Avro value of that topic yet; columns: ${seen})`,
    };
  }
  return { ready: true, reason: `table ${topic}: ${table.columns.map((column) => `${column.name} ${column.type}`).join(", ")}` };
}
