import mysql, { type Connection, type ResultSetHeader, type RowDataPacket } from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import { FomoError } from "../../../lib/errors";
import { hideCoordinateColumns } from "../../warehouse/hide-coordinate-columns";
import { allowAlteringVersionedTables, ensureSystemVersioning } from "../../warehouse/system-versioning";
import { connectorDatabaseName, PURCHASES_TABLE, PURCHASES_TABLE_DDL, quoteIdentifier } from "../../warehouse/schema";

export interface WarehouseLayoutOptions {
  /** An account allowed to create databases and users (root on the private server, MYSQL_URL's user otherwise). */
  admin: ConnectionOptions;
  /** The connector's account (user/password used; host/port used to verify the password works). */
  writer: ConnectionOptions;
  /** The analyst's read-only account. */
  reader: ConnectionOptions;
  database: string;
  /** Make `purchases` system-versioned (hosted mode: per-visitor pipeline stops); MariaDB only. */
  systemVersioning?: boolean;
}

/**
 * Accounts exist for both host patterns: `'%'` for TCP from anywhere the server allows and
 * `'localhost'`, because an anonymous `''@'localhost'` account (present on some installs) would
 * otherwise win the host match for local connections and lock our users out.
 */
const ACCOUNT_HOSTS = ["%", "localhost"];

async function databaseExists(connection: Connection, name: string): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", [name]);
  return rows.length > 0;
}

async function tableExists(connection: Connection, database: string, table: string): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
    [database, table],
  );
  return rows.length > 0;
}

async function canLogIn(options: ConnectionOptions): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ ...options, database: undefined, connectTimeout: 5_000 });
    await connection.end();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "ER_ACCESS_DENIED_ERROR") return false;
    throw error;
  }
}

interface Grant {
  privileges: string;
  target: string;
  withGrantOption: boolean;
}

/**
 * Grants that would let the reader write, grant, or read the connector's state or every database.
 * SELECT grants on other databases are left alone: on a shared server (MYSQL_URL) they belong to
 * someone else, and revoking them would break that someone.
 */
function forbiddenReaderGrants(grantLines: string[], database: string): Grant[] {
  const connectorTarget = `${quoteIdentifier(connectorDatabaseName(database))}.*`;
  const grants: Grant[] = [];
  for (const line of grantLines) {
    const match = /^GRANT (.+?) ON (\S+) TO /.exec(line);
    if (!match) continue;
    const [, privileges = "", target = ""] = match;
    const withGrantOption = /WITH GRANT OPTION/.test(line);
    const forbidden =
      withGrantOption || (privileges !== "USAGE" && (privileges !== "SELECT" || target === "*.*" || target === connectorTarget));
    if (forbidden) grants.push({ privileges, target, withGrantOption });
  }
  return grants;
}

async function ensureAccount(connection: Connection, account: ConnectionOptions, changes: string[]): Promise<void> {
  const user = account.user ?? "";
  for (const host of ACCOUNT_HOSTS) {
    const [result] = await connection.query<ResultSetHeader>("CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?", [
      user,
      host,
      account.password ?? "",
    ]);
    if (result.warningStatus === 0) changes.push(`account ${user}@${host}`);
  }
  if (!(await canLogIn(account))) {
    for (const host of ACCOUNT_HOSTS) {
      await connection.query("ALTER USER ?@? IDENTIFIED BY ?", [user, host, account.password ?? ""]);
    }
    changes.push(`password of ${user}`);
  }
}

async function grantsOf(connection: Connection, user: string, host: string): Promise<string[]> {
  const [rows] = await connection.query<RowDataPacket[]>("SHOW GRANTS FOR ?@?", [user, host]);
  return rows.map((row) => String(Object.values(row)[0]));
}

/**
 * Idempotently creates the warehouse database, the connector's database, the `purchases` table,
 * the writer account (ALL on both databases) and the read-only account (SELECT on the warehouse
 * database only). Returns what it had to create or fix; an empty list means nothing changed.
 */
export async function ensureWarehouseLayout(options: WarehouseLayoutOptions): Promise<string[]> {
  const { database } = options;
  const connectorDatabase = connectorDatabaseName(database);
  const changes: string[] = [];
  let connection: Connection | undefined;
  try {
    connection = await mysql.createConnection({ ...options.admin, database: undefined, multipleStatements: false });
    await allowAlteringVersionedTables(connection);
    for (const name of [database, connectorDatabase]) {
      if (!(await databaseExists(connection, name))) {
        await connection.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(name)} CHARACTER SET utf8mb4`);
        changes.push(`database ${name}`);
      }
    }
    if (!(await tableExists(connection, database, PURCHASES_TABLE))) {
      await connection.changeUser({ database });
      await connection.query(PURCHASES_TABLE_DDL);
      changes.push(`table ${database}.${PURCHASES_TABLE}`);
    } else {
      changes.push(...(await hideCoordinateColumns(connection, database)));
    }
    if (options.systemVersioning) changes.push(...(await ensureSystemVersioning(connection, database)));

    await ensureAccount(connection, options.writer, changes);
    await ensureAccount(connection, options.reader, changes);
    const writer = options.writer.user ?? "";
    const reader = options.reader.user ?? "";
    for (const host of ACCOUNT_HOSTS) {
      for (const name of [database, connectorDatabase]) {
        await connection.query(`GRANT ALL PRIVILEGES ON ${quoteIdentifier(name)}.* TO ?@?`, [writer, host]);
      }
      const forbidden = forbiddenReaderGrants(await grantsOf(connection, reader, host), database);
      for (const grant of forbidden) {
        // Privilege lists and targets come verbatim from the server's own SHOW GRANTS output.
        if (grant.privileges !== "USAGE") await connection.query(`REVOKE ${grant.privileges} ON ${grant.target} FROM ?@?`, [reader, host]);
        if (grant.withGrantOption) await connection.query(`REVOKE GRANT OPTION ON ${grant.target} FROM ?@?`, [reader, host]);
      }
      if (forbidden.length > 0) changes.push(`grants of ${reader}@${host} reduced to SELECT`);
      await connection.query(`GRANT SELECT ON ${quoteIdentifier(database)}.* TO ?@?`, [reader, host]);
    }
    return changes;
  } catch (cause) {
    if (cause instanceof FomoError) throw cause;
    const message = (cause as Error).message;
    throw new FomoError(
      "stack:service_failed",
      `Could not set up the warehouse database ${database} (tables and accounts): ${message}. ` +
        "With MYSQL_URL, its user needs CREATE, CREATE USER and GRANT OPTION.",
      { cause },
    );
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
