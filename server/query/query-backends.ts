import { loadConfig, type FomoConfig } from "../config";
import { sharedWarehouseReadOnlyPool } from "../warehouse/shared-read-only-pool";
import type { WarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { createEngineClient, type EngineClient } from "./engine-client";

/** The two places an analyst's SQL can run: the warehouse (read-only pool) and the Kafka engine. */
export interface QueryBackends {
  warehouse: WarehouseReadOnlyPool;
  engine: EngineClient;
}

/** This process's backends: the shared read-only pool and a client of the configured engine. */
export function sharedQueryBackends(config: FomoConfig = loadConfig()): QueryBackends {
  return {
    warehouse: sharedWarehouseReadOnlyPool(config),
    engine: createEngineClient({ url: config.engine.url, queryTimeoutMs: config.engine.queryTimeoutMs }),
  };
}
