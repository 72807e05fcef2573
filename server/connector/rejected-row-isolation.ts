import type { PoolConnection } from "mysql2/promise";

/** MySQL errors that mean "this row's data", not "this warehouse": see `isRowDataError`. */
const ROW_DATA_ERRNOS = new Set([
  1048, // ER_BAD_NULL_ERROR
  1264, // ER_WARN_DATA_OUT_OF_RANGE
  1265, // WARN_DATA_TRUNCATED
  1292, // ER_TRUNCATED_WRONG_VALUE
  1366, // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (incorrect string value)
  1406, // ER_DATA_TOO_LONG
  1644, // ER_SIGNAL_EXCEPTION (a trigger refusing the row)
  3819, // ER_CHECK_CONSTRAINT_VIOLATED (MySQL 8)
  4025, // ER_CONSTRAINT_FAILED (MariaDB CHECK)
]);
/** A duplicate key on the coordinates would mean a double load: never dead-letter that, fail. */
const DUPLICATE_ENTRY_ERRNO = 1062;

/** Whether the warehouse refused a statement because of what some row holds. */
export function isRowDataError(error: unknown): boolean {
  const { errno, sqlState } = (error ?? {}) as { errno?: unknown; sqlState?: unknown };
  if (errno === DUPLICATE_ENTRY_ERRNO) return false;
  if (typeof errno === "number" && ROW_DATA_ERRNOS.has(errno)) return true;
  return typeof sqlState === "string" && (sqlState.startsWith("22") || sqlState.startsWith("23"));
}

export function describeRowDataError(error: unknown): string {
  const { errno, message } = (error ?? {}) as { errno?: unknown; message?: unknown };
  return `rejected_by_warehouse: MySQL error ${String(errno ?? "?")}: ${String(message ?? error)}`;
}

export interface RejectedRow<Row> {
  row: Row;
  reason: string;
}

/**
 * Inserts `rows` with `insert`, inside the caller's transaction, setting aside the rows the
 * warehouse refuses for their data: a refused statement is rolled back to its savepoint and its
 * rows are split in halves until each refused row stands alone (about 2·log2(n) extra statements
 * per bad row). So a poison row costs its flush neither a failure nor a retry.
 */
export async function insertSettingAsideRejected<Row>(
  connection: PoolConnection,
  rows: Row[],
  insert: (rows: Row[]) => Promise<void>,
): Promise<RejectedRow<Row>[]> {
  const rejected: RejectedRow<Row>[] = [];
  let savepoints = 0;
  const attempt = async (part: Row[]): Promise<void> => {
    if (part.length === 0) return;
    const savepoint = `fomo_rows_${savepoints++}`;
    await connection.query(`SAVEPOINT ${savepoint}`);
    try {
      await insert(part);
      await connection.query(`RELEASE SAVEPOINT ${savepoint}`);
    } catch (error) {
      if (!isRowDataError(error)) throw error;
      await connection.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      if (part.length === 1) {
        rejected.push({ row: part[0]!, reason: describeRowDataError(error) });
        return;
      }
      const half = Math.ceil(part.length / 2);
      await attempt(part.slice(0, half));
      await attempt(part.slice(half));
    }
  };
  await attempt(rows);
  return rejected;
}
