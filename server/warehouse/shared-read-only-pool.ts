import type { FomoConfig } from "../config";
import { warehouseConnectionOptions } from "./connection-options";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "./read-only-pool";

/**
 * The one read-only pool of this process. Kept on globalThis so that Next's dev server, which
 * re-evaluates modules on every edit, reuses it instead of leaking a pool per reload.
 */

const POOL_KEY = Symbol.for("fomo.warehouse.readOnlyPool");

type GlobalWithPool = typeof globalThis & { [POOL_KEY]?: WarehouseReadOnlyPool };

export function sharedWarehouseReadOnlyPool(config: FomoConfig): WarehouseReadOnlyPool {
  const holder = globalThis as GlobalWithPool;
  holder[POOL_KEY] ??= createWarehouseReadOnlyPool({
    connection: warehouseConnectionOptions(config, "reader"),
    statementTimeoutMs: config.warehouse.statementTimeoutMs,
    maxRows: config.engine.maxRows,
    connectionLimit: config.warehouse.maxConcurrentQueries,
  });
  return holder[POOL_KEY];
}

export async function closeSharedWarehouseReadOnlyPool(): Promise<void> {
  const holder = globalThis as GlobalWithPool;
  const pool = holder[POOL_KEY];
  delete holder[POOL_KEY];
  await pool?.close();
}
