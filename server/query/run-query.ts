import { queryRequestSchema, type QueryRequest, type QueryResult } from "../../lib/api/query";
import { FomoError, toFomoError } from "../../lib/errors";
import type { WarehouseQueryOptions } from "../warehouse/read-only-pool";
import { sharedQueryBackends, type QueryBackends } from "./query-backends";

/**
 * Runs the analyst's SQL on the database they picked. Both sides answer in the same shape; the
 * warehouse carries `snapshot: null`, the Kafka side the offsets the engine's snapshot used.
 * Aborting `signal` stops the query where it runs (the engine's interrupt, the warehouse's KILL
 * QUERY) and fails with `cancelled:query`. `asOfUnixSeconds` reads the warehouse as a visitor who
 * stopped the pipeline sees it (the Kafka side has no past to read).
 */
export async function runQuery(
  request: QueryRequest,
  backends: QueryBackends = sharedQueryBackends(),
  { signal, asOfUnixSeconds }: WarehouseQueryOptions = {},
): Promise<QueryResult> {
  const parsed = queryRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new FomoError("bad_request:query", parsed.error.issues.map((issue) => issue.message).join("; "), { cause: parsed.error });
  }
  const { database, sql } = parsed.data;
  try {
    return database === "warehouse"
      ? await backends.warehouse.query(sql, asOfUnixSeconds === undefined ? { signal } : { signal, asOfUnixSeconds })
      : await backends.engine.query(sql, { signal });
  } catch (error) {
    throw toFomoError(error, database === "warehouse" ? "internal:warehouse" : "internal:engine");
  }
}
