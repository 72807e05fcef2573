import type { FieldPacket, Connection as CoreConnection } from "mysql2";

/**
 * Runs one query on a core mysql2 connection and keeps only the first `keepRows` rows: the rest
 * are read off the wire and dropped, so an analyst's `LIMIT 10000000` cannot fill the memory of
 * the web server (the statement time limit bounds how long that takes).
 */
export interface StreamedResult {
  fields: FieldPacket[];
  rows: unknown[][];
  /** Rows the server sent, including the dropped ones. */
  totalRows: number;
}

export function streamQuery(connection: CoreConnection, sql: string, keepRows: number, timeoutMs: number): Promise<StreamedResult> {
  return new Promise((resolve, reject) => {
    const rows: unknown[][] = [];
    let fields: FieldPacket[] = [];
    let totalRows = 0;
    let failed = false;
    const query = connection.query({ sql, rowsAsArray: true, timeout: timeoutMs });
    query.on("error", (error: unknown) => {
      failed = true;
      reject(error);
    });
    query.on("fields", (received: unknown) => {
      fields = received as FieldPacket[];
    });
    query.on("result", (row: unknown) => {
      // A statement without a result set (never a read) reports an OK packet here, not a row.
      if (!Array.isArray(row)) return;
      totalRows += 1;
      if (rows.length < keepRows) rows.push(row);
    });
    query.on("end", () => {
      if (!failed) resolve({ fields, rows, totalRows });
    });
  });
}
