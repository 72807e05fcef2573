import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "./read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "./testing/scratch-warehouse";

let warehouse: ScratchWarehouse;
let pool: WarehouseReadOnlyPool;
const cleanups: Array<() => Promise<void>> = [];

async function failureOf(promise: Promise<unknown>): Promise<FomoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FomoError) return error;
    throw error;
  }
  throw new Error("expected the query to fail");
}

async function purchaseCount(): Promise<number> {
  const [rows] = await warehouse.admin.query("SELECT COUNT(*) AS n FROM purchases");
  return Number((rows as Array<{ n: number }>)[0]?.n);
}

beforeAll(async () => {
  warehouse = await createScratchWarehouse(testStack().mysqlAdminUrl);
  cleanups.push(() => warehouse.drop());
  await warehouse.admin.query(
    "CREATE TABLE purchases (customerId VARCHAR(50) NOT NULL, amount DOUBLE(10,3) NOT NULL, itemCode VARCHAR(50) NOT NULL, kafka_offset BIGINT NOT NULL)",
  );
  const rows = Array.from({ length: 12 }, (_, index) => [`CU-${1000 + (index % 4)}`, 10 + index * 1.5, `9638507${index % 10}`, index]);
  await warehouse.admin.query("INSERT INTO purchases VALUES ?", [rows]);
  pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 10_000, maxRows: 10 });
  cleanups.push(() => pool.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("warehouse read-only pool", () => {
  it("answers the seed's top-3 query in the engine's result shape", async () => {
    const result = await pool.query(
      "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;",
    );
    expect(result.columns).toEqual([
      { name: "customerid", type: "VARCHAR" },
      { name: "total", type: "DOUBLE" },
    ]);
    expect(result.rows).toEqual([
      ["CU-1003", 61.5],
      ["CU-1002", 57],
      ["CU-1001", 52.5],
    ]);
    expect(result).toMatchObject({ rowCount: 3, truncated: false, snapshot: null });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("returns JSON-safe numbers for BIGINT and DECIMAL and keeps DATETIME as text", async () => {
    const result = await pool.query(
      "SELECT COUNT(*) AS n, AVG(kafka_offset) AS mean, CAST(12345678901234567890 AS DECIMAL(20,0)) AS huge, CAST('2024-01-02 03:04:05' AS DATETIME) AS at FROM purchases",
    );
    expect(result.columns.map((column) => column.type)).toEqual(["BIGINT", "DECIMAL", "DECIMAL", "DATETIME"]);
    expect(result.rows).toEqual([[12, 5.5, "12345678901234567890", "2024-01-02 03:04:05"]]);
  });

  it("caps the rows and says the result was truncated, even with the analyst's own LIMIT", async () => {
    const capped = await pool.query("SELECT kafka_offset FROM purchases ORDER BY kafka_offset");
    expect(capped.rowCount).toBe(10);
    expect(capped.truncated).toBe(true);
    expect(capped.rows.at(-1)).toEqual([9]);
    const limited = await pool.query("SELECT kafka_offset FROM purchases ORDER BY kafka_offset LIMIT 1000");
    expect(limited).toMatchObject({ rowCount: 10, truncated: true });
    const exact = await pool.query("SELECT kafka_offset FROM purchases LIMIT 10");
    expect(exact).toMatchObject({ rowCount: 10, truncated: false });
  });

  it("refuses writes before sending them, and nothing changes", async () => {
    for (const sql of ["INSERT INTO purchases VALUES ('CU-1', 1, '1', 99)", "CREATE TABLE x (a INT)", "DROP TABLE purchases"]) {
      expect((await failureOf(pool.query(sql))).code).toBe("sandbox:forbidden_statement");
    }
    expect((await failureOf(pool.query("SELECT 1; DELETE FROM purchases"))).code).toBe("sandbox:multiple_statements");
    expect(await purchaseCount()).toBe(12);
  });

  it("cannot write through the read-only account even when the pre-check is bypassed", async () => {
    const raw = await mysql.createConnection({ ...warehouse.reader, multipleStatements: false });
    try {
      for (const sql of [
        "INSERT INTO purchases VALUES ('CU-1', 1, '1', 99)",
        "CREATE TABLE x (a INT)",
        "DROP TABLE purchases",
        "DELETE FROM purchases",
      ]) {
        await expect(raw.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/ACCESS_DENIED/) });
      }
      await expect(raw.query("SELECT 1; DELETE FROM purchases")).rejects.toMatchObject({ code: "ER_PARSE_ERROR" });
    } finally {
      await raw.end();
    }
    expect(await purchaseCount()).toBe(12);
  });

  it("stops a query at the statement time limit", async () => {
    const quick = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 500, maxRows: 10 });
    try {
      const started = Date.now();
      const error = await failureOf(quick.query("SELECT SLEEP(30)"));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error.code).toBe("timeout:query");
      expect(error.message).toMatch(/max_statement_time|max_execution_time|interrupted/i);
      // The pool still works after a timeout.
      expect((await quick.query("SELECT 1 AS one")).rows).toEqual([[1]]);
    } finally {
      await quick.close();
    }
  });

  it("hands the real MySQL error of a missing table to the caller", async () => {
    const error = await failureOf(
      pool.query("SELECT useragent, count(useragent) FROM requestlog WHERE customerid='CU-1277' GROUP BY useragent;"),
    );
    expect(error.code).toBe("bad_request:no_such_table");
    expect(error.message).toContain(`Table '${warehouse.database}.requestlog' doesn't exist`);
    expect(error.message).toContain("1146");
    expect(error.httpStatus).toBe(400);
  });

  it("marks the line and column of a syntax error", async () => {
    const error = await failureOf(pool.query("SELECT customerid\nFROM purchases\nGRUOP BY customerid"));
    expect(error.code).toBe("bad_request:syntax");
    // MySQL reads GRUOP as an alias of purchases and trips over BY.
    expect(error.message).toContain("near 'BY customerid' at line 3");
    expect(error.line).toBe(3);
    expect(error.column).toBe(7);
  });

  it("lists the tables the read-only account can see", async () => {
    const catalog = await pool.catalog();
    expect(catalog.database).toBe("warehouse");
    expect(catalog.schemas).toEqual([
      {
        name: warehouse.database,
        tables: [
          {
            name: "purchases",
            rowCount: null,
            columns: [
              { name: "customerId", type: "VARCHAR(50)" },
              { name: "amount", type: "DOUBLE(10,3)" },
              { name: "itemCode", type: "VARCHAR(50)" },
              { name: "kafka_offset", type: "BIGINT(20)" },
            ],
          },
        ],
      },
    ]);
  });

  it("reports an unreachable warehouse as unavailable", async () => {
    const nowhere = createWarehouseReadOnlyPool({
      connection: { ...warehouse.reader, host: "127.0.0.1", port: 1 },
      statementTimeoutMs: 1_000,
      maxRows: 10,
    });
    try {
      const error = await failureOf(nowhere.query("SELECT 1"));
      expect(error.code).toBe("unavailable:warehouse");
      expect(error.canRetry).toBe(true);
    } finally {
      await nowhere.close();
    }
  });
});
