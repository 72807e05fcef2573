import { FomoError } from "../../lib/errors";
import type { WarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { PURCHASES_TABLE } from "../warehouse/schema";

/**
 * Whether the warehouse can be frozen for one visitor (its `purchases` table is system-versioned:
 * MariaDB 10.3.4+, made so in hosted mode) and the moment to freeze at, from the warehouse
 * server's own clock, which is the clock its row versions are stamped with. Asked through the
 * analysts' read-only pool: information_schema shows that account its own tables.
 */
export interface WarehouseFreezePoint {
  versioned: boolean;
  asOfUnixSeconds: string;
}

const FREEZE_POINT_SQL = `SELECT UNIX_TIMESTAMP(NOW(6)) AS now_s,
  (SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${PURCHASES_TABLE}') AS table_type`;

export async function warehouseFreezePoint(pool: WarehouseReadOnlyPool): Promise<WarehouseFreezePoint> {
  const result = await pool.query(FREEZE_POINT_SQL);
  const [now, type] = result.rows[0] ?? [];
  const asOf = typeof now === "number" ? now.toFixed(6) : String(now ?? "");
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(asOf)) throw new FomoError("internal:warehouse", `The warehouse's clock answered ${String(now)}`);
  return { versioned: type === "SYSTEM VERSIONED", asOfUnixSeconds: asOf };
}
