import { randomBytes } from "node:crypto";
import mysql, { type Connection } from "mysql2/promise";
import type { WarehouseConnectionOptions } from "../read-only-pool";

/**
 * A throw-away database on the test warehouse server with its own read-only account (SELECT on
 * that database only), created through the admin URL. Each test file makes its own and drops it.
 */
export interface ScratchWarehouse {
  database: string;
  /** Admin connection with the scratch database selected (for DDL and loading rows). */
  admin: Connection;
  /** Connection options of the scratch read-only account. */
  reader: WarehouseConnectionOptions;
  drop(): Promise<void>;
}

export async function createScratchWarehouse(adminUrl: string, prefix = "t_sqlapi"): Promise<ScratchWarehouse> {
  const suffix = randomBytes(4).toString("hex");
  const database = `${prefix}_${suffix}`;
  const user = `r_${suffix}`;
  const password = randomBytes(12).toString("hex");
  const url = new URL(adminUrl);
  const admin = await mysql.createConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username) || "root",
    password: decodeURIComponent(url.password) || undefined,
    multipleStatements: false,
  });
  await admin.query(`CREATE DATABASE \`${database}\``);
  await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  await admin.query(`GRANT SELECT ON \`${database}\`.* TO '${user}'@'%'`);
  await admin.query(`USE \`${database}\``);
  return {
    database,
    admin,
    reader: { host: url.hostname, port: url.port ? Number(url.port) : 3306, user, password, database },
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      } finally {
        await admin.end();
      }
    },
  };
}
