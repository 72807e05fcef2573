import type { Connection, RowDataPacket } from "mysql2/promise";
import { PURCHASES_TABLE, quoteIdentifier } from "./schema";

/**
 * `purchases` as a MariaDB system-versioned table: each row carries when it appeared and when it
 * went, so one hosted visitor can read the warehouse as it was when they stopped the pipeline
 * (`system_versioning_asof`) while the connector keeps loading for everyone. Inserts, all the
 * connector does, add no history; only deleted rows (a topic re-created) are kept as history,
 * and `pruneVersionHistory` drops what no stop can still need. MySQL has no such tables: there
 * the table stays as it is and per-visitor stops are refused.
 */

function tableName(database: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(PURCHASES_TABLE)}`;
}

async function isMariaDb(connection: Connection): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>("SELECT VERSION() AS v");
  return /mariadb/i.test(String(rows[0]?.v ?? ""));
}

export async function isSystemVersioned(connection: Connection, database: string): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
    [database, PURCHASES_TABLE],
  );
  return rows[0]?.type === "SYSTEM VERSIONED";
}

/**
 * Lets later ALTERs of a versioned `purchases` (hiding columns) go through, keeping its history
 * as it is. MariaDB only; MySQL does not know the variable, and needs nothing.
 */
export async function allowAlteringVersionedTables(connection: Connection): Promise<void> {
  if (await isMariaDb(connection)) await connection.query("SET SESSION system_versioning_alter_history = KEEP");
}

/** Makes `purchases` system-versioned. Returns the change made, nothing when there was none or the server cannot. */
export async function ensureSystemVersioning(connection: Connection, database: string): Promise<string[]> {
  if (!(await isMariaDb(connection))) return [];
  if (await isSystemVersioned(connection, database)) return [];
  // Rebuilds the table once (a copy: seconds per million rows); the connector waits on its lock.
  await connection.query(`ALTER TABLE ${tableName(database)} ADD SYSTEM VERSIONING`);
  return [`${database}.${PURCHASES_TABLE} made system-versioned (per-visitor pipeline stops)`];
}

/** Deletes row history older than `keepMs` (no visitor's stop reaches that far back). Returns the rows removed. */
export async function pruneVersionHistory(connection: Connection, database: string, keepMs: number): Promise<number> {
  if (!(await isSystemVersioned(connection, database))) return 0;
  const seconds = Math.ceil(keepMs / 1000);
  const [result] = await connection.query(
    `DELETE HISTORY FROM ${tableName(database)} BEFORE SYSTEM_TIME NOW(6) - INTERVAL ${seconds} SECOND`,
  );
  return Number((result as { affectedRows?: number }).affectedRows ?? 0);
}
