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

/** How the two sides are named in a difference's detail. */
export interface ResultLabels {
  left: string;
  right: string;
}

export function compareResults(
  warehouse: QueryResult,
  engine: QueryResult,
  ordered: boolean,
  labels: ResultLabels = { left: "warehouse", right: "engine" },
): ResultDifference | undefined {
  const warehouseNames = warehouse.columns.map((column) => column.name.toLowerCase());
  const engineNames = engine.columns.map((column) => column.name.toLowerCase());
  if (JSON.stringify(warehouseNames) !== JSON.stringify(engineNames)) {
    return {
      kind: "columns",
      detail: `${labels.left} ${JSON.stringify(warehouseNames)} vs ${labels.right} ${JSON.stringify(engineNames)}`,
    };
  }
  if (warehouse.rows.length !== engine.rows.length) {
    return { kind: "row_count", detail: `${labels.left} ${warehouse.rows.length} rows vs ${labels.right} ${engine.rows.length} rows` };
  }
  const order = (rows: Cell[][]) =>
    ordered ? rows : [...rows].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
  const left = order(warehouse.rows);
  const right = order(engine.rows);
  for (let index = 0; index < left.length; index++) {
    const a = left[index] ?? [];
    const b = right[index] ?? [];
    if (a.length !== b.length || a.some((cell, column) => !cellsEqual(cell, b[column] ?? null))) {
      return { kind: "row", detail: `row ${index}: ${labels.left} ${JSON.stringify(a)} vs ${labels.right} ${JSON.stringify(b)}` };
    }
  }
  return undefined;
}
