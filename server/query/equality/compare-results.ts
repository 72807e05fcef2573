import type { Cell, QueryResult } from "../../../lib/api/query";

/**
 * Compares a warehouse result with an engine result the way an analyst would: same column names
 * (case-insensitive), same rows, numbers equal within a relative tolerance (a DECIMAL "12.5000"
 * from MySQL equals a DOUBLE 12.5 from DuckDB), row order only when the query orders.
 */

export const RELATIVE_TOLERANCE = 1e-6;

function asNumber(cell: Cell): number | undefined {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell.trim())) return Number(cell);
  return undefined;
}

export function cellsEqual(left: Cell, right: Cell): boolean {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) {
    const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
    return Math.abs(a - b) / scale <= RELATIVE_TOLERANCE || Math.abs(a - b) < 1e-9;
  }
  return left === right;
}

/** A sort key that puts equal rows (within tolerance) next to each other. */
function sortKey(row: Cell[]): string {
  return JSON.stringify(
    row.map((cell) => {
      const number = asNumber(cell);
      return number === undefined ? cell : Number(number.toPrecision(9));
    }),
  );
}

export interface ResultDifference {
  kind: "columns" | "row_count" | "row";
  detail: string;
}

export function compareResults(warehouse: QueryResult, engine: QueryResult, ordered: boolean): ResultDifference | undefined {
  const warehouseNames = warehouse.columns.map((column) => column.name.toLowerCase());
  const engineNames = engine.columns.map((column) => column.name.toLowerCase());
  if (JSON.stringify(warehouseNames) !== JSON.stringify(engineNames)) {
    return { kind: "columns", detail: `warehouse ${JSON.stringify(warehouseNames)} vs engine ${JSON.stringify(engineNames)}` };
  }
  if (warehouse.rows.length !== engine.rows.length) {
    return { kind: "row_count", detail: `warehouse ${warehouse.rows.length} rows vs engine ${engine.rows.length} rows` };
  }
  const order = (rows: Cell[][]) =>
    ordered ? rows : [...rows].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
  const left = order(warehouse.rows);
  const right = order(engine.rows);
  for (let index = 0; index < left.length; index++) {
    const a = left[index] ?? [];
    const b = right[index] ?? [];
    if (a.length !== b.length || a.some((cell, column) => !cellsEqual(cell, b[column] ?? null))) {
      return { kind: "row", detail: `row ${index}: warehouse ${JSON.stringify(a)} vs engine ${JSON.stringify(b)}` };
    }
  }
  return undefined;
}
