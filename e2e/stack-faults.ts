import mysql from "mysql2/promise";
import { warehouseConnectionOptions } from "../server/warehouse/connection-options";
import { quoteIdentifier } from "../server/warehouse/schema";
import { createControlClient } from "../server/stack/control-client";
import { e2eStackConfig } from "./stack-env";

/** The writer account's hosts, as the stack grants them (server/stack/warehouse/ensure-warehouse.ts). */
const WRITER_HOSTS = ["%", "localhost"];

/**
 * Real faults for the e2e stack: the connector's INSERT revoked through an admin connection (every
 * flush then fails in the warehouse, as a full disk or a lost grant would), and the generator paused
 * through the supervisor's control API. Each returns its undo.
 */
export async function revokeWriterInsert(): Promise<() => Promise<void>> {
  const config = e2eStackConfig();
  const connection = await mysql.createConnection(warehouseConnectionOptions(config, "admin"));
  const database = `${quoteIdentifier(config.warehouse.database)}.*`;
  const writer = config.warehouse.writer.user;
  try {
    // The writer holds ALL on the database (purchases is its only table; the offsets live in
    // <db>_connector): a table-level REVOKE would not take away a database-level grant.
    for (const host of WRITER_HOSTS) await connection.query(`REVOKE INSERT ON ${database} FROM ?@?`, [writer, host]);
  } finally {
    await connection.end();
  }
  return async () => {
    const admin = await mysql.createConnection(warehouseConnectionOptions(config, "admin"));
    try {
      for (const host of WRITER_HOSTS) await admin.query(`GRANT INSERT ON ${database} TO ?@?`, [writer, host]);
    } finally {
      await admin.end();
    }
  };
}

export async function pauseGenerator(): Promise<() => Promise<void>> {
  const control = createControlClient(e2eStackConfig());
  await control.command("generator", "pause");
  return async () => {
    await control.command("generator", "resume");
  };
}
