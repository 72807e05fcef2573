import { JSDuckDBValueConverter, type DuckDBConnection } from "@duckdb/node-api";
import type { Cell, ResultColumn } from "../../../lib/api/query";
import { cancelledError, isCancelled } from "../../../lib/cancellation";
import { FomoError } from "../../../lib/errors";
import { isTemporalType, temporalCell, toCell } from "../sql/result-cells";
import type { TranslatedSql } from "../sql/translated-sql";

export interface SelectOutcome {
  columns: ResultColumn[];
  rows: Cell[][];
  truncated: boolean;
}

/**
 * Runs one checked SELECT on a connection whose temp views already pin the snapshot. Streams
 * chunks and stops after `maxRows` (so a huge result is never materialized), and interrupts the
 * connection when the deadline passes or the caller cancels (DuckDB stops the running operators;
 * the connection is usable again right after, so the gate can lend it to the next query at once).
 */
export async function executeSelect(
  connection: DuckDBConnection,
  translation: TranslatedSql,
  limits: { maxRows: number; deadline: number; timeoutMs: number; signal?: AbortSignal },
): Promise<SelectOutcome> {
  const { signal } = limits;
  if (signal?.aborted) throw cancelledError(signal.reason);
  let timedOut = false;
  const remaining = Math.max(1, limits.deadline - Date.now());
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, remaining);
  // Only while this statement runs: an interrupt outside it could hit the next query on the connection.
  const onAbort = () => connection.interrupt();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const result = await connection.stream(translation.text);
    const columns = result.columnNames().map((name, i) => ({ name, type: result.columnTypes()[i]!.toString() }));
    const temporal = result.columnNames().map((_name, i) => isTemporalType(result.columnTypeId(i)));
    const anyTemporal = temporal.includes(true);
    const rows: Cell[][] = [];
    let truncated = false;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      // Dates and times are printed from DuckDB's own values (microseconds kept), the rest from JS values.
      const raw = anyTemporal ? chunk.getRows() : undefined;
      const converted = chunk.convertRows(JSDuckDBValueConverter);
      for (let r = 0; r < converted.length; r++) {
        if (rows.length >= limits.maxRows) {
          truncated = true;
          break;
        }
        rows.push(converted[r]!.map((value, i) => (temporal[i] ? temporalCell(raw![r]![i]) : toCell(value))));
      }
      if (truncated) break;
      // A result that streams many chunks stops between them too, whether or not DuckDB saw the interrupt.
      if (signal?.aborted) throw cancelledError(signal.reason);
    }
    return { columns, rows, truncated };
  } catch (error) {
    if (signal?.aborted) throw isCancelled(error) ? error : cancelledError(error);
    if (timedOut) {
      throw new FomoError("timeout:query", `The query ran longer than ${limits.timeoutMs} ms and was interrupted`, { cause: error });
    }
    throw duckDbQueryError(translation, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Keeps DuckDB's message (binder, catalog, conversion errors…) and the position it shows. */
export function duckDbQueryError(translation: TranslatedSql, error: unknown): FomoError {
  const message = error instanceof Error ? error.message : String(error);
  const position = translation.positionOfErrorContext(message);
  const code = /^Out of Memory Error/i.test(message) ? "bad_request:out_of_memory" : "bad_request:query";
  return new FomoError(code, message, { cause: error, ...position });
}
