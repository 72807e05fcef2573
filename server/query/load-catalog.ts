import type { Catalog } from "../../lib/api/catalog";
import type { Database } from "../../lib/api/query";
import { toFomoError } from "../../lib/errors";
import { sharedQueryBackends, type QueryBackends } from "./query-backends";

/**
 * What an analyst can query on one side: the read-only account's tables (information_schema) for
 * the warehouse, the engine's topics (`GET /v1/catalog`) for Kafka.
 */
export async function loadCatalog(database: Database, backends: QueryBackends = sharedQueryBackends()): Promise<Catalog> {
  try {
    return database === "warehouse" ? await backends.warehouse.catalog() : await backends.engine.catalog();
  } catch (error) {
    throw toFomoError(error, database === "warehouse" ? "internal:warehouse" : "internal:engine");
  }
}
