import type { PoolConnection } from "mysql2/promise";

/**
 * Wipes what one analyst's statement may have left on a pooled session before the next analyst
 * gets it: COM_RESET_CONNECTION drops user variables (`SELECT @x := …`), releases GET_LOCK locks,
 * temporary tables and prepared statements, and restores every session variable to its global
 * value. It is one round trip and keeps the socket, so it is far cheaper than a fresh connection;
 * but it also clears our own per-session limits, so they are set again right after.
 */
export async function resetSession(connection: PoolConnection, sessionLimitsSql: string): Promise<void> {
  await connection.reset();
  await connection.query(sessionLimitsSql);
}
