import type { Catalog } from "../../lib/api/catalog";
import type { QueryResult } from "../../lib/api/query";
import type { StackStatus } from "../../lib/api/status";
import { loadConfig, type FomoConfig } from "../config";
import { sharedQueryBackends, type QueryBackends } from "../query/query-backends";
import { loadStackStatus } from "../status/load-stack-status";

/** Where the live figures come from: the engine, the warehouse (live) and the supervisor. */
export interface LiveSources {
  kafkaQuery(sql: string): Promise<QueryResult>;
  kafkaCatalog(): Promise<Catalog>;
  warehouseQuery(sql: string): Promise<QueryResult>;
  warehouseCatalog(): Promise<Catalog>;
  status(): Promise<StackStatus>;
}

/**
 * The warehouse as a visitor whose pipeline is stopped sees it: the rows as of `asOf` (an ISO
 * time). Provided by the per-visitor pipeline stop; what it answers for one `asOf` never changes,
 * so the hub computes each figure once per distinct `asOf` and keeps it.
 */
export interface WarehouseAsOfReader {
  query(sql: string, asOf: string): Promise<QueryResult>;
  catalog(asOf: string): Promise<Catalog>;
}

export function liveSourcesOf(backends: QueryBackends, status: () => Promise<StackStatus>): LiveSources {
  return {
    kafkaQuery: (sql) => backends.engine.query(sql),
    kafkaCatalog: () => backends.engine.catalog(),
    warehouseQuery: (sql) => backends.warehouse.query(sql),
    warehouseCatalog: () => backends.warehouse.catalog(),
    status,
  };
}

/** This web process's sources: the shared read-only pool, the engine client and the supervisor. */
export function sharedLiveSources(config: FomoConfig = loadConfig()): LiveSources {
  return liveSourcesOf(sharedQueryBackends(config), () => loadStackStatus(config));
}
