import type { ConnectionOptions } from "mysql2";
import type { FomoConfig } from "../config";
import { warehouseSocketPath } from "../stack/warehouse/warehouse-paths";

export type WarehouseRole = "admin" | "writer" | "reader";

/** The private server's administrator: root, no password, over its unix socket only. */
export const PRIVATE_SERVER_ADMIN_USER = "root";

function externalAdmin(adminUrl: string): { user: string; password: string | undefined } {
  const url = new URL(adminUrl);
  return {
    user: decodeURIComponent(url.username) || "root",
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/**
 * mysql2 connection options for one warehouse role. Writer and reader always use TCP (host and
 * port); admin is MYSQL_URL's user on an external server, else root over the private server's
 * socket. Every role starts in the warehouse database (admin code that creates it must unset it).
 */
export function warehouseConnectionOptions(config: FomoConfig, role: WarehouseRole): ConnectionOptions {
  const { warehouse } = config;
  const common: ConnectionOptions = { database: warehouse.database, multipleStatements: false, connectTimeout: 5_000 };
  if (role === "admin") {
    if (warehouse.externalAdminUrl) {
      return { ...common, host: warehouse.host, port: warehouse.port, ...externalAdmin(warehouse.externalAdminUrl) };
    }
    return { ...common, socketPath: warehouseSocketPath(config.stackDir), user: PRIVATE_SERVER_ADMIN_USER };
  }
  const account = role === "writer" ? warehouse.writer : warehouse.reader;
  return { ...common, host: warehouse.host, port: warehouse.port, user: account.user, password: account.password };
}
