import type { QueryResult } from "@/lib/api/query";
import { isNumericColumn, toNumber } from "@/lib/client/format";

export interface ChartPoint {
  label: string;
  value: number;
}

const MAX_BARS = 40;

/**
 * A grouped result worth a bar chart: exactly one text column and one numeric column, at most
 * MAX_BARS rows. Anything else (raw rows, SHOW TABLES, counts) gets no chart.
 */
export function chartPoints(result: QueryResult): { labelColumn: string; valueColumn: string; points: ChartPoint[] } | null {
  if (result.columns.length !== 2 || result.rows.length < 1 || result.rows.length > MAX_BARS) return null;
  const numeric = result.columns.map((c, i) => isNumericColumn(c, result.rows, i));
  const valueIndex = numeric.indexOf(true);
  const labelIndex = numeric.indexOf(false);
  if (valueIndex < 0 || labelIndex < 0) return null;
  const points: ChartPoint[] = [];
  for (const row of result.rows) {
    const value = toNumber(row[valueIndex] ?? null);
    if (value === null) return null;
    points.push({ label: String(row[labelIndex] ?? "NULL"), value });
  }
  return { labelColumn: result.columns[labelIndex]!.name, valueColumn: result.columns[valueIndex]!.name, points };
}
