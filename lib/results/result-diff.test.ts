import { describe, expect, it } from "vitest";
import type { Cell, QueryResult } from "../api/query";
import { diffResults } from "./result-diff";

function result(rows: Cell[][], truncated = false): QueryResult {
  return {
    columns: [
      { name: "customerid", type: "VARCHAR" },
      { name: "total", type: "DOUBLE" },
    ],
    rows,
    rowCount: rows.length,
    truncated,
    elapsedMs: 1,
    snapshot: null,
  } as QueryResult;
}

const top3 = "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;";

describe("the result diff", () => {
  it("treats float noise as the same value", () => {
    const diff = diffResults(result([["CU-1277", 5926.21]]), result([["CU-1277", 5926.209999999998]]))!;
    expect(diff.same).toBe(1);
    expect(diff.changed).toBe(0);
    expect(diff.rows[0]!.values[0]!.delta).toBe(0);
  });

  it("still reports a real change, however small in cents", () => {
    const diff = diffResults(result([["CU-1277", 5926.21]]), result([["CU-1277", 5926.22]]))!;
    expect(diff.changed).toBe(1);
    expect(diff.rows[0]!.values[0]!.delta).toBeCloseTo(0.01, 9);
  });

  it("does not call rows cut off by the same LIMIT on both sides missing", () => {
    const warehouse = result([
      ["CU-1277", 5000],
      ["CU-1001", 4000],
      ["CU-1002", 3000],
    ]);
    const kafka = result([
      ["CU-1277", 5100],
      ["CU-1001", 4000],
      ["CU-1003", 3500],
    ]);
    const diff = diffResults(warehouse, kafka, top3)!;
    expect(diff.onlyLeft).toBe(0);
    expect(diff.onlyRight).toBe(0);
    expect(diff.beyondCut).toBe(2);
    expect(diff.changed).toBe(1);
    expect(diff.rows.filter((row) => row.beyondCut).map((row) => row.key)).toEqual(["CU-1002", "CU-1003"]);
  });

  it("reports rows missing on one side when a side returned fewer rows than the LIMIT", () => {
    const warehouse = result([["CU-1277", 5000]]);
    const kafka = result([
      ["CU-1277", 5000],
      ["CU-1003", 3500],
    ]);
    const diff = diffResults(warehouse, kafka, top3)!;
    expect(diff.onlyRight).toBe(1);
    expect(diff.beyondCut).toBe(0);
  });

  it("treats two results truncated by the row cap like a LIMIT", () => {
    const diff = diffResults(result([["a", 1]], true), result([["b", 1]], true), "SELECT * FROM t")!;
    expect(diff.beyondCut).toBe(2);
    expect(diff.onlyLeft + diff.onlyRight).toBe(0);
  });
});
