import mysql, { type Connection, type RowDataPacket } from "mysql2/promise";
import type { FomoConfig } from "../server/config";
import { warehouseConnectionOptions } from "../server/warehouse/connection-options";
import { quoteIdentifier } from "../server/warehouse/schema";
import { createControlClient } from "../server/stack/control-client";
import { e2eStackConfig } from "./stack-env";

/** The writer account's hosts, as the stack grants them (server/stack/warehouse/ensure-warehouse.ts). */
const WRITER_HOSTS = ["%", "localhost"];

async function withAdmin<T>(work: (admin: Connection, config: FomoConfig) => Promise<T>): Promise<T> {
  const config = e2eStackConfig();
  const admin = await mysql.createConnection(warehouseConnectionOptions(config, "admin"));
  try {
    return await work(admin, config);
  } finally {
    await admin.end();
  }
}

/**
 * A database-level grant is cached by a session until its next USE: the connector's pooled
 * sessions are ended so that the change reaches its next flush (the pool reconnects).
 */
async function endWriterSessions(admin: Connection, config: FomoConfig): Promise<void> {
  const [rows] = await admin.query<RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?", [
    config.warehouse.writer.user,
  ]);
  for (const row of rows) await admin.query("KILL CONNECTION ?", [Number(row.ID)]).catch(() => undefined);
}

/**
 * Real faults for the e2e stack: the connector's INSERT revoked through an admin connection (every
 * flush then fails in the warehouse, as a lost grant would), and the generator paused through the
 * supervisor's control API. Each returns its undo.
 */
export async function revokeWriterInsert(): Promise<() => Promise<void>> {
  const change = (statement: "REVOKE" | "GRANT") =>
    withAdmin(async (admin, config) => {
      // The writer holds ALL on the database (purchases is its only table; the offsets live in
      // <db>_connector): a table-level REVOKE would not take away a database-level grant.
      const database = `${quoteIdentifier(config.warehouse.database)}.*`;
      const target = statement === "REVOKE" ? "FROM" : "TO";
      for (const host of WRITER_HOSTS)
        await admin.query(`${statement} INSERT ON ${database} ${target} ?@?`, [config.warehouse.writer.user, host]);
      await endWriterSessions(admin, config);
    });
  await change("REVOKE");
  return () => change("GRANT");
}

export async function pauseGenerator(): Promise<() => Promise<void>> {
  const control = createControlClient(e2eStackConfig());
  await control.command("generator", "pause");
  return async () => {
    await control.command("generator", "resume");
  };
}
