import type { Cell, QueryResult } from "@/lib/api/query";
import { isNumericColumn, toNumber } from "@/lib/client/format";

export interface DiffRow {
  key: string;
  presence: "both" | "left" | "right";
  values: { column: string; left: number | null; right: number | null; delta: number | null }[];
}

export interface ResultDiff {
  keyColumn: string;
  valueColumns: string[];
  rows: DiffRow[];
  onlyLeft: number;
  onlyRight: number;
  changed: number;
  same: number;
}

const keyOf = (row: Cell[], keyIndexes: number[]) => keyIndexes.map((i) => String(row[i] ?? "NULL")).join(" · ");

/**
 * Compares two results of the same SQL. Rows are matched on their non-numeric columns (or the
 * first column when all are numeric); numeric columns with the same name get deltas (right − left).
 */
export function diffResults(left: QueryResult, right: QueryResult): ResultDiff | null {
  const names = left.columns.map((c) => c.name.toLowerCase());
  const rightNames = right.columns.map((c) => c.name.toLowerCase());
  if (names.length === 0 || names.join("|") !== rightNames.join("|")) return null;
  const numeric = left.columns.map((c, i) => isNumericColumn(c, left.rows, i) || isNumericColumn(right.columns[i]!, right.rows, i));
  let keyIndexes = numeric.flatMap((isNum, i) => (isNum ? [] : [i]));
  const valueIndexes = numeric.flatMap((isNum, i) => (isNum ? [i] : []));
  if (keyIndexes.length === 0) {
    // All numeric (e.g. a single count): compare row by position.
    keyIndexes = [];
  }
  const byKey = (result: QueryResult) => {
    const map = new Map<string, Cell[]>();
    result.rows.forEach((row, index) => map.set(keyIndexes.length ? keyOf(row, keyIndexes) : `row ${index + 1}`, row));
    return map;
  };
  const leftRows = byKey(left);
  const rightRows = byKey(right);
  const keys = [...new Set([...leftRows.keys(), ...rightRows.keys()])];
  const diff: ResultDiff = {
    keyColumn: keyIndexes.length ? keyIndexes.map((i) => left.columns[i]!.name).join(" · ") : "row",
    valueColumns: valueIndexes.map((i) => left.columns[i]!.name),
    rows: [],
    onlyLeft: 0,
    onlyRight: 0,
    changed: 0,
    same: 0,
  };
  for (const key of keys) {
    const l = leftRows.get(key);
    const r = rightRows.get(key);
    const presence = l && r ? "both" : l ? "left" : "right";
    if (presence === "left") diff.onlyLeft++;
    if (presence === "right") diff.onlyRight++;
    const values = valueIndexes.map((i) => {
      const lv = l ? toNumber(l[i] ?? null) : null;
      const rv = r ? toNumber(r[i] ?? null) : null;
      const delta = lv !== null && rv !== null ? rv - lv : null;
      return { column: left.columns[i]!.name, left: lv, right: rv, delta };
    });
    if (presence === "both") {
      if (values.some((v) => v.delta !== null && Math.abs(v.delta) > 1e-9)) diff.changed++;
      else diff.same++;
    }
    diff.rows.push({ key, presence, values });
  }
  return diff;
}
