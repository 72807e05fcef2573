import mysql, { type ConnectionOptions } from "mysql2/promise";
import { pruneVersionHistory } from "./system-versioning";

/**
 * Keeps the row history of a system-versioned `purchases` no longer than a visitor's stop can
 * reach back (plus a minute): every `intervalMs` it deletes older history, on a short-lived
 * connection of the writer account (which holds DELETE HISTORY through ALL on the database).
 * Runs in the connector's process; a failure is logged and tried again next time.
 */
export interface VersionHistoryPruner {
  /** One pruning now (also what the timer does); resolves to the rows removed. */
  pruneNow(): Promise<number>;
  stop(): void;
}

const MARGIN_MS = 60_000;
const LONGEST_INTERVAL_MS = 10 * 60_000;

export function startVersionHistoryPruner(options: {
  connection: ConnectionOptions;
  database: string;
  longestStopMs: number;
  log: (message: string) => void;
}): VersionHistoryPruner {
  const keepMs = options.longestStopMs + MARGIN_MS;
  const pruneNow = async (): Promise<number> => {
    const connection = await mysql.createConnection({ ...options.connection, multipleStatements: false });
    try {
      return await pruneVersionHistory(connection, options.database, keepMs);
    } finally {
      await connection.end().catch(() => undefined);
    }
  };
  const timer = setInterval(
    () => {
      pruneNow().then(
        (removed) =>
          removed > 0 &&
          options.log(`pruned ${removed} history rows older than ${Math.round(keepMs / 1000)} s from ${options.database}.purchases`),
        (error: unknown) => options.log(`could not prune the row history: ${(error as Error).message}`),
      );
    },
    Math.min(LONGEST_INTERVAL_MS, options.longestStopMs),
  );
  timer.unref();
  return { pruneNow, stop: () => clearInterval(timer) };
}
