import { describe, expect, it } from "vitest";
import type { QueryResult } from "../../../lib/api/query";
import { cellsEqual, compareResults } from "./compare-results";

function result(names: string[], rows: QueryResult["rows"]): QueryResult {
  return {
    columns: names.map((name) => ({ name, type: "X" })),
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: 1,
    snapshot: null,
  };
}

describe("compareResults", () => {
  it("treats a MySQL DECIMAL string and a DuckDB double as the same number", () => {
    expect(cellsEqual("12.5000", 12.5)).toBe(true);
    expect(cellsEqual(1000000.0000001, 1000000)).toBe(true);
    expect(cellsEqual(0.4286, 0.428571)).toBe(false);
    expect(cellsEqual("CU-1277", "cu-1277")).toBe(false);
  });

  it("compares unordered results as multisets and ordered ones row by row", () => {
    const warehouse = result(
      ["customerid", "N"],
      [
        ["a", 1],
        ["b", 2],
        ["a", 1],
      ],
    );
    const engine = result(
      ["customerId", "n"],
      [
        ["b", 2],
        ["a", 1],
        ["a", 1],
      ],
    );
    expect(compareResults(warehouse, engine, false)).toBeUndefined();
    expect(compareResults(warehouse, engine, true)?.kind).toBe("row");
    expect(
      compareResults(
        warehouse,
        result(
          ["customerid", "n"],
          [
            ["a", 1],
            ["b", 2],
            ["b", 2],
          ],
        ),
        false,
      )?.kind,
    ).toBe("row");
  });

  it("reports different column names and row counts", () => {
    expect(compareResults(result(["count(*)"], [[1]]), result(["count_star()"], [[1]]), false)?.kind).toBe("columns");
    expect(compareResults(result(["n"], [[1]]), result(["n"], []), false)?.kind).toBe("row_count");
  });
});
