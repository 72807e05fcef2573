/**
 * The per-session limits every read-only warehouse connection runs under. They are set once per
 * connection (the analyst cannot change them: SET is refused before sending). MariaDB and MySQL
 * name the statement time limit differently, so the server flavour is detected once per pool.
 */
export type ServerFlavour = "mariadb" | "mysql";

export interface SessionLimits {
  statementTimeoutMs: number;
  /** Rows a top-level SELECT without its own LIMIT may return (the row cap plus one, to detect truncation). */
  selectLimit: number;
}

export function flavourOfVersion(version: string): ServerFlavour {
  return /mariadb/i.test(version) ? "mariadb" : "mysql";
}

export function sessionLimitsStatement(flavour: ServerFlavour, limits: SessionLimits): string {
  const timeoutMs = Math.max(1, Math.floor(limits.statementTimeoutMs));
  const selectLimit = Math.max(1, Math.floor(limits.selectLimit));
  // MariaDB's max_statement_time is in seconds (fractions allowed), MySQL's max_execution_time in ms.
  const timeLimit = flavour === "mariadb" ? `max_statement_time = ${timeoutMs / 1000}` : `max_execution_time = ${timeoutMs}`;
  return `SET SESSION ${timeLimit}, sql_select_limit = ${selectLimit}`;
}
