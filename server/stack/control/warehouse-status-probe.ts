import mysql, { type Pool, type RowDataPacket } from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import type { ServiceStatus } from "../../../lib/api/status";
import { PURCHASES_TABLE, quoteIdentifier } from "../../warehouse/schema";
import { withTimeout } from "../process/wait-until";

/** The warehouse's health for `/status`: a ping and the row count of `purchases`. */
export class WarehouseStatusProbe {
  private readonly pool: Pool;

  constructor(
    admin: ConnectionOptions,
    private readonly database: string,
    private readonly describeOrigin: string,
  ) {
    this.pool = mysql.createPool({ ...admin, database, connectionLimit: 2, connectTimeout: 2_000, multipleStatements: false });
    // A server that goes away makes idle connections error: the next probe reports it instead.
    this.pool.on("connection", (connection) => connection.on("error", () => undefined));
  }

  async probe(): Promise<ServiceStatus> {
    try {
      const [rows] = await withTimeout(
        this.pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(this.database)}.${quoteIdentifier(PURCHASES_TABLE)}`),
        3_000,
        "the warehouse",
      );
      const count = Number(rows[0]?.n ?? 0);
      return {
        name: "warehouse",
        healthy: true,
        detail: `${this.describeOrigin}, database ${this.database}`,
        metrics: { "rows.purchases": count },
      };
    } catch (error) {
      return { name: "warehouse", healthy: false, detail: `${this.describeOrigin}: ${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
