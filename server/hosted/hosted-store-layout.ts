import mysql, { type Connection, type ResultSetHeader } from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import { FomoError } from "../../lib/errors";
import { quoteIdentifier } from "../warehouse/schema";

/**
 * The hosted copy's own database on the warehouse server: invitations and the visits sales reads.
 * It sits beside the analysts' database, owned by an account that can touch nothing else, and the
 * analysts' read-only account is never granted anything on it (SQL typed in /lab cannot read who
 * was invited).
 */

export const INVITATIONS_DDL = `CREATE TABLE IF NOT EXISTS invitations (
  id          CHAR(16)     NOT NULL,
  name        VARCHAR(200) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NOT NULL,
  revoked_at  DATETIME(3)  NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB`;

export const VISITS_DDL = `CREATE TABLE IF NOT EXISTS visits (
  seq            BIGINT      NOT NULL AUTO_INCREMENT,
  invitation_id  CHAR(16)    NOT NULL,
  visitor_id     CHAR(22)    NULL,
  path           VARCHAR(512) NOT NULL,
  visited_at     DATETIME(3) NOT NULL,
  PRIMARY KEY (seq),
  KEY idx_visits_invitation (invitation_id, visited_at)
) ENGINE=InnoDB`;

export interface HostedStoreLayoutOptions {
  /** An account allowed to create databases and users. */
  admin: ConnectionOptions;
  /** The store's own account. */
  account: { user: string; password: string };
  database: string;
}

const ACCOUNT_HOSTS = ["%", "localhost"];

async function ensureAccount(connection: Connection, options: HostedStoreLayoutOptions, changes: string[]): Promise<void> {
  const { user, password } = options.account;
  for (const host of ACCOUNT_HOSTS) {
    const [created] = await connection.query<ResultSetHeader>("CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?", [user, host, password]);
    if (created.warningStatus === 0) changes.push(`account ${user}@${host}`);
    // Idempotent, and keeps a changed WAREHOUSE_HOSTED_PASSWORD in force.
    await connection.query("ALTER USER ?@? IDENTIFIED BY ?", [user, host, password]);
    await connection.query(`GRANT ALL PRIVILEGES ON ${quoteIdentifier(options.database)}.* TO ?@?`, [user, host]);
  }
}

/** Creates the database, its two tables and its account if missing; returns what it created. */
export async function ensureHostedStore(options: HostedStoreLayoutOptions): Promise<string[]> {
  const changes: string[] = [];
  let connection: Connection | undefined;
  try {
    connection = await mysql.createConnection({ ...options.admin, database: undefined, multipleStatements: false });
    const [made] = await connection.query<ResultSetHeader>(
      `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(options.database)} CHARACTER SET utf8mb4`,
    );
    if (made.warningStatus === 0) changes.push(`database ${options.database}`);
    await connection.changeUser({ database: options.database });
    await connection.query(INVITATIONS_DDL);
    await connection.query(VISITS_DDL);
    await ensureAccount(connection, options, changes);
    return changes;
  } catch (cause) {
    throw new FomoError(
      "stack:service_failed",
      `Could not set up the hosted database ${options.database}: ${(cause as Error).message}. ` +
        "With MYSQL_URL, its user needs CREATE, CREATE USER and GRANT OPTION.",
      { cause },
    );
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
