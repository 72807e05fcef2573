import type { Cell } from "@/lib/api/query";
import { toNumber } from "@/lib/client/format";

export interface SortOrder {
  column: number;
  direction: "asc" | "desc";
}

function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== null && nb !== null) return na - nb;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

/** A sorted copy; NULLs always last. */
export function sortRows(rows: Cell[][], order: SortOrder | null): Cell[][] {
  if (!order) return rows;
  const sign = order.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[order.column];
      const b = y.row[order.column];
      if (a === null || a === undefined || b === null || b === undefined) return compareCells(a, b) || x.index - y.index;
      return sign * compareCells(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}
