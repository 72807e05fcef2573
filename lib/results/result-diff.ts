import type { Cell, QueryResult } from "../api/query";
import { isNumericColumn, toNumber } from "../client/format";
import { resultLimit } from "../sql/result-limit";

export interface DiffRow {
  key: string;
  presence: "both" | "left" | "right";
  /**
   * On one side only because both sides were cut at the same LIMIT (or row cap): the other side
   * may well hold it past the cut, so it is not a difference.
   */
  beyondCut: boolean;
  values: { column: string; left: number | null; right: number | null; delta: number | null }[];
}

export interface ResultDiff {
  keyColumn: string;
  valueColumns: string[];
  rows: DiffRow[];
  onlyLeft: number;
  onlyRight: number;
  /** Rows on one side only that the cut may explain (see `DiffRow.beyondCut`). */
  beyondCut: number;
  changed: number;
  same: number;
}

/** Float sums differ in their last bits between engines: equal within this relative tolerance. */
const RELATIVE_TOLERANCE = 1e-9;

export function numbersAgree(left: number, right: number): boolean {
  return Math.abs(right - left) <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right), 1);
}

/** Both results stop at the same cut: the SQL's LIMIT, or the row cap (truncated). */
function bothCut(left: QueryResult, right: QueryResult, sql: string | undefined): boolean {
  if (left.rows.length !== right.rows.length) return false;
  if (left.truncated && right.truncated) return true;
  const limit = sql === undefined ? undefined : resultLimit(sql);
  return limit !== undefined && left.rows.length === limit;
}

const keyOf = (row: Cell[], keyIndexes: number[]) => keyIndexes.map((i) => String(row[i] ?? "NULL")).join(" · ");

/**
 * Compares two results of the same SQL. Rows are matched on their non-numeric columns (or the
 * first column when all are numeric); numeric columns with the same name get deltas (right − left),
 * and values equal within float noise count as the same. Given the SQL, rows that only fell
 * outside a LIMIT both sides reached are marked `beyondCut`, not counted as only on one side.
 */
export function diffResults(left: QueryResult, right: QueryResult, sql?: string): ResultDiff | null {
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
  // Rows matched by position cannot fall outside a cut; keyed rows can.
  const cut = keyIndexes.length > 0 && bothCut(left, right, sql);
  const diff: ResultDiff = {
    keyColumn: keyIndexes.length ? keyIndexes.map((i) => left.columns[i]!.name).join(" · ") : "row",
    valueColumns: valueIndexes.map((i) => left.columns[i]!.name),
    rows: [],
    onlyLeft: 0,
    onlyRight: 0,
    beyondCut: 0,
    changed: 0,
    same: 0,
  };
  for (const key of keys) {
    const l = leftRows.get(key);
    const r = rightRows.get(key);
    const presence = l && r ? "both" : l ? "left" : "right";
    const beyondCut = presence !== "both" && cut;
    if (beyondCut) diff.beyondCut++;
    else if (presence === "left") diff.onlyLeft++;
    else if (presence === "right") diff.onlyRight++;
    const values = valueIndexes.map((i) => {
      const lv = l ? toNumber(l[i] ?? null) : null;
      const rv = r ? toNumber(r[i] ?? null) : null;
      const delta = lv !== null && rv !== null ? (numbersAgree(lv, rv) ? 0 : rv - lv) : null;
      return { column: left.columns[i]!.name, left: lv, right: rv, delta };
    });
    if (presence === "both") {
      if (values.some((v) => v.delta !== null && v.delta !== 0)) diff.changed++;
      else diff.same++;
    }
    diff.rows.push({ key, presence, beyondCut, values });
  }
  return diff;
}
