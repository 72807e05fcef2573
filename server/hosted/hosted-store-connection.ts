import type { ConnectionOptions } from "mysql2";
import type { FomoConfig } from "../config";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { ensureHostedStore } from "./hosted-store-layout";
import { InvitationStore } from "./invitation-store";

/**
 * Where the hosted database lives and who may open it: the warehouse server's host and port, the
 * hosted database, the hosted account. One store per process, kept on globalThis so Next's dev
 * reload and the request gate's separate bundle reuse one pool instead of leaking one each.
 */

const STORE_KEY = Symbol.for("fomo.hosted.invitationStore");

type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: InvitationStore };

export function hostedStoreConnection(config: FomoConfig): ConnectionOptions {
  const { host, port } = config.warehouse;
  return { host, port, database: config.hosted.database, ...config.hosted.account, connectTimeout: 5_000 };
}

/** Creates the hosted database, tables and account through the admin account (idempotent). */
export function ensureHostedStoreFor(config: FomoConfig): Promise<string[]> {
  return ensureHostedStore({
    admin: warehouseConnectionOptions(config, "admin"),
    account: config.hosted.account,
    database: config.hosted.database,
  });
}

export function sharedInvitationStore(config: FomoConfig): InvitationStore {
  const holder = globalThis as GlobalWithStore;
  holder[STORE_KEY] ??= InvitationStore.open(hostedStoreConnection(config));
  return holder[STORE_KEY];
}
