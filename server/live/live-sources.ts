import type { Catalog } from "../../lib/api/catalog";
import type { QueryResult } from "../../lib/api/query";
import type { StackStatus } from "../../lib/api/status";
import { loadConfig, type FomoConfig } from "../config";
import { sharedQueryBackends, type QueryBackends } from "../query/query-backends";
import { loadStackStatus } from "../status/load-stack-status";
import type { WarehouseReadOnlyPool } from "../warehouse/read-only-pool";

/** Where the live figures come from: the engine, the warehouse (live) and the supervisor. */
export interface LiveSources {
  kafkaQuery(sql: string): Promise<QueryResult>;
  kafkaCatalog(): Promise<Catalog>;
  warehouseQuery(sql: string): Promise<QueryResult>;
  warehouseCatalog(): Promise<Catalog>;
  status(): Promise<StackStatus>;
}

/**
 * The warehouse as a visitor whose pipeline is stopped sees it: the rows as of `asOf` (the
 * warehouse server's clock in Unix seconds, from their stop cookie). What it answers for one
 * `asOf` never changes, so the hub computes each figure once per distinct `asOf` and keeps it.
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

/**
 * The as-of reader over the read-only pool: the same `system_versioning_asof` read as a stopped
 * visitor's own queries. The catalog does not change with the moment (tables and columns are not
 * versioned), so it is the live one.
 */
export function warehouseAsOfReaderOf(pool: WarehouseReadOnlyPool): WarehouseAsOfReader {
  return {
    query: (sql, asOf) => pool.query(sql, { asOfUnixSeconds: asOf }),
    catalog: () => pool.catalog(),
  };
}

/** This web process's sources: the shared read-only pool, the engine client and the supervisor. */
export function sharedLiveSources(config: FomoConfig = loadConfig()): LiveSources {
  return liveSourcesOf(sharedQueryBackends(config), () => loadStackStatus(config));
}
