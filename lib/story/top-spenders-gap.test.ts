import { describe, expect, it } from "vitest";
import type { QueryResult } from "@/lib/api/query";
import { customerFiguresSql, customerGaps, figuresByCustomer, totalsByCustomer } from "./top-spenders-gap";

const result = (columns: string[], rows: QueryResult["rows"]): QueryResult =>
  ({
    columns: columns.map((name) => ({ name, type: "DOUBLE" })),
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: 1,
  }) as QueryResult;

describe("top spenders gap", () => {
  it("reads a top-3 result's totals, DECIMAL text included, and refuses other shapes", () => {
    expect(
      totalsByCustomer(
        result(
          ["customerid", "total"],
          [
            ["CU-1277", 5926.209999999998],
            ["CU-1001", "4000.500"],
          ],
        ),
      ),
    ).toEqual(
      new Map([
        ["CU-1277", 5926.209999999998],
        ["CU-1001", 4000.5],
      ]),
    );
    expect(totalsByCustomer(result(["Tables_in_fomo"], [["purchases"]]))).toBeNull();
  });

  it("says how far Kafka is ahead per Kafka top customer, zero where the warehouse has no row yet", () => {
    const kafkaTop = new Map([
      ["CU-1277", 6000],
      ["CU-1500", 5000],
    ]);
    const warehouseTop = new Map([["CU-1277", 5900]]);
    const kafkaFigures = figuresByCustomer(
      result(
        ["customerid", "purchases", "total"],
        [
          ["CU-1277", 101, 6000],
          ["CU-1500", 90, 5000],
        ],
      ),
    );
    const warehouseFigures = figuresByCustomer(result(["customerid", "purchases", "total"], [["CU-1277", 99, 5900]]));
    expect(customerGaps(kafkaTop, warehouseTop, kafkaFigures, warehouseFigures, true)).toEqual([
      { customer: "CU-1277", kafkaTotal: 6000, warehouseTotal: 5900, kafkaPurchases: 101, warehousePurchases: 99 },
      { customer: "CU-1500", kafkaTotal: 5000, warehouseTotal: 0, kafkaPurchases: 90, warehousePurchases: 0 },
    ]);
    expect(customerGaps(kafkaTop, warehouseTop, new Map(), new Map(), false)[1]).toMatchObject({
      warehouseTotal: null,
      warehousePurchases: null,
    });
  });

  it("only ever puts well-formed customer ids into its SQL", () => {
    expect(customerFiguresSql(["CU-1277", "x' OR 1=1 --"])).toBe(
      "SELECT customerid, count(*) AS purchases, sum(amount) AS total FROM purchases WHERE customerid IN ('CU-1277') GROUP BY customerid",
    );
  });
});
