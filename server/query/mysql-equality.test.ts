import { randomBytes } from "node:crypto";
import { createKafka } from "../kafka/kafkajs-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryResult } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";
import { createKafkaSqlEngine, type KafkaSqlEngine } from "../engine/kafka-sql-engine";
import { startEngineHttpServer } from "../engine/http/engine-http-server";
import { bulkProduce } from "../generator/bulk-produce";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "../warehouse/testing/scratch-warehouse";
import { createEngineClient } from "./engine-client";
import { compareResults } from "./equality/compare-results";
import { EQUALITY_QUERIES, withTables } from "./equality/equality-queries";
import { MYSQL_DIALECT_QUERIES } from "./equality/mysql-dialect-queries";
import { loadCatalog } from "./load-catalog";
import type { QueryBackends } from "./query-backends";
import { runQuery } from "./run-query";
import { freePort } from "../stack/testing/free-port";
import { loadStoryRows } from "./testing/load-story-rows";

/**
 * The same 3,000 purchases and 3,000 requests in Kafka (through the generator's bulk producer)
 * and in a MySQL database, queried through the web query layer (`runQuery`) on both sides.
 */
const SEED = 1277;
const ROWS = 3_000;

const prefix = `sqlapi_eq_${randomBytes(4).toString("hex")}`;
const tables = { purchases: `${prefix}_purchases`, requestlog: `${prefix}_requestlog` };
const cleanups: Array<() => Promise<void>> = [];
let warehouse: ScratchWarehouse;
let engine: KafkaSqlEngine;
let backends: QueryBackends;

async function both(sql: string): Promise<{ warehouse: QueryResult; kafka: QueryResult }> {
  const text = withTables(sql, tables);
  const [warehouseResult, kafkaResult] = await Promise.all([
    runQuery({ database: "warehouse", sql: text }, backends),
    runQuery({ database: "kafka", sql: text }, backends),
  ]);
  return { warehouse: warehouseResult, kafka: kafkaResult };
}

async function failureOf(promise: Promise<unknown>): Promise<FomoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FomoError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  const stack = testStack();
  warehouse = await createScratchWarehouse(stack.mysqlAdminUrl);
  cleanups.push(() => warehouse.drop());
  await loadStoryRows(warehouse.admin, tables, { seed: SEED, purchases: ROWS, requests: ROWS });

  const kafka = createKafka(stack.kafkaBrokers, `${prefix}-cleanup`, { silent: true });
  cleanups.push(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [tables.purchases, tables.requestlog] }).catch(() => {});
    await admin.disconnect();
  });
  await bulkProduce({ brokers: stack.kafkaBrokers, topic: "purchases", targetTopic: tables.purchases, count: ROWS, seed: SEED });
  await bulkProduce({ brokers: stack.kafkaBrokers, topic: "requestlog", targetTopic: tables.requestlog, count: ROWS, seed: SEED });

  engine = await createKafkaSqlEngine({
    brokers: stack.kafkaBrokers,
    topicFilter: (topic) => topic.startsWith(prefix),
    threads: 1,
    metadataIntervalMs: 500,
  });
  cleanups.push(() => engine.close());
  await engine.waitForCaughtUp(60_000);
  const port = await freePort();
  const server = await startEngineHttpServer(engine, { host: "127.0.0.1", port });
  cleanups.push(() => server.close());

  const pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 10_000, maxRows: 10_000 });
  cleanups.push(() => pool.close());
  backends = { warehouse: pool, engine: createEngineClient({ url: `http://127.0.0.1:${port}`, queryTimeoutMs: 10_000 }) };
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
});

describe("the Kafka engine answers like MySQL on the same rows", () => {
  it("holds the same number of rows on both sides", async () => {
    const { warehouse: w, kafka: k } = await both("SELECT (SELECT COUNT(*) FROM {P}) AS p, (SELECT COUNT(*) FROM {R}) AS r");
    expect(w.rows).toEqual([[ROWS, ROWS]]);
    expect(k.rows).toEqual([[ROWS, ROWS]]);
  });

  it.each([...EQUALITY_QUERIES, ...MYSQL_DIALECT_QUERIES])("$name", async ({ sql, ordered }) => {
    const result = await both(sql);
    expect(result.warehouse.rowCount, "the query must return rows to prove anything").toBeGreaterThan(0);
    expect(compareResults(result.warehouse, result.kafka, ordered)).toBeUndefined();
    expect(result.warehouse.snapshot).toBeNull();
    expect(result.kafka.snapshot).not.toBeNull();
  });
});

describe("where MySQL and the engine still differ (documented in server/query/README.md)", () => {
  it("MySQL compares computed strings ignoring case; the engine folds case only where a column meets a literal", async () => {
    const { warehouse: w, kafka: k } = await both(
      "SELECT COUNT(*) AS n FROM {P} WHERE LOWER(customerid) = UPPER(customerid) OR customerid = 'cu-1277'",
    );
    const only = await both("SELECT COUNT(*) AS n FROM {P} WHERE customerid = 'CU-1277'");
    expect(Number(w.rows[0]?.[0])).toBeGreaterThan(Number(only.warehouse.rows[0]?.[0]));
    expect(k.rows).toEqual(only.kafka.rows);
  });

  it("MySQL groups strings that differ only in case together, the engine keeps them apart", async () => {
    const sql =
      "SELECT COUNT(*) AS n FROM (SELECT DISTINCT CASE WHEN amount > 50 THEN customerid ELSE LOWER(customerid) END AS c FROM {P}) t";
    const { warehouse: w, kafka: k } = await both(sql);
    const distinct = await both("SELECT COUNT(DISTINCT customerid) AS n FROM {P}");
    expect(w.rows).toEqual(distinct.warehouse.rows);
    expect(Number(k.rows[0]?.[0])).toBeGreaterThan(Number(distinct.kafka.rows[0]?.[0]));
  });

  it("MySQL's MIN and MAX of strings follow the collation, the engine's the code points", async () => {
    const { warehouse: w, kafka: k } = await both("SELECT MIN(useragent) AS lo FROM {R}");
    expect(String(w.rows[0]?.[0]).slice(12, 17)).toBe("(iPho");
    expect(String(k.rows[0]?.[0]).slice(12, 17)).toBe("(Linu");
  });

  it("MySQL averages integers as DECIMAL, the engine as DOUBLE rounded to the same decimals", async () => {
    const { warehouse: w, kafka: k } = await both("SELECT AVG(length(itemcode)) AS mean FROM {P}");
    expect(w.columns[0]?.type).toBe("DECIMAL");
    expect(k.columns[0]?.type).toBe("DOUBLE");
    expect(w.rows).toEqual(k.rows);
  });

  it("MySQL compares an exact division as a DECIMAL, the engine compares the double (it rounds only what it returns)", async () => {
    const { warehouse: w, kafka: k } = await both("SELECT COUNT(*) / 7 AS q, COUNT(*) / 7 = 428.5714 AS same FROM {P}");
    expect(w.rows).toEqual([[428.5714, 1]]);
    expect(k.rows).toEqual([[428.5714, 0]]);
  });

  it("DATE_ADD of a DATE is a DATE in MySQL, a DATETIME in the engine", async () => {
    const { warehouse: w, kafka: k } = await both("SELECT DATE_ADD(DATE('2024-01-31'), INTERVAL 1 DAY) AS d FROM {P} LIMIT 1");
    expect(w.rows).toEqual([["2024-02-01"]]);
    expect(k.rows).toEqual([["2024-02-01 00:00:00"]]);
  });
});

describe("error positions point at the SQL as typed, whatever the translation changed", () => {
  it("reports a binder error after a rewritten function at its line and column", async () => {
    const error = await failureOf(
      runQuery(
        {
          database: "kafka",
          sql: `SELECT CONCAT(customerid, 'x'),\n  GROUP_CONCAT(itemcode SEPARATOR ';'),\n  nosuch\nFROM ${tables.purchases}`,
        },
        backends,
      ),
    );
    expect(error.code).toBe("bad_request:query");
    expect({ line: error.line, column: error.column }).toEqual({ line: 3, column: 3 });
  });

  it("reports a parser error after LIMIT o, n and REGEXP at its line and column", async () => {
    const error = await failureOf(
      runQuery(
        { database: "kafka", sql: `SELECT customerid FROM ${tables.purchases}\nWHERE useragent REGEXP 'x' AND\nLIMIT 5, 5` },
        backends,
      ),
    );
    expect(error.code).toBe("bad_request:syntax");
    expect(error.line).toBe(3);
  });
});

describe("result columns are named as MySQL names them", () => {
  it.each([
    "SELECT customerid, sum(amount) AS total FROM {P} GROUP BY customerid ORDER BY total DESC LIMIT 3",
    "SELECT useragent, count(useragent) FROM {R} WHERE customerid='CU-1277' GROUP BY useragent",
    "SELECT COUNT(*), MAX(amount) FROM {P}",
  ])("%s", async (sql) => {
    const { warehouse: w, kafka: k } = await both(sql);
    expect(k.columns.map((column) => column.name)).toEqual(w.columns.map((column) => column.name));
  });
});

describe("the web query layer over both databases", () => {
  it("lists the tables of each side in one catalog shape", async () => {
    const warehouseCatalog = await loadCatalog("warehouse", backends);
    const kafkaCatalog = await loadCatalog("kafka", backends);
    expect(warehouseCatalog.schemas[0]?.tables.map((table) => table.name).sort()).toEqual([tables.purchases, tables.requestlog].sort());
    const kafkaTables = kafkaCatalog.schemas.flatMap((schema) => schema.tables.map((table) => table.name));
    expect(kafkaTables).toEqual(expect.arrayContaining([tables.purchases, tables.requestlog]));
    const purchases = kafkaCatalog.schemas.flatMap((schema) => schema.tables).find((table) => table.name === tables.purchases);
    expect(purchases?.columns.map((column) => column.name)).toEqual(expect.arrayContaining(["customerid", "amount", "itemcode"]));
  });

  it("passes the engine's syntax errors through with their position", async () => {
    const error = await failureOf(
      runQuery({ database: "kafka", sql: `SELECT customerid\nFROM ${tables.purchases}\nWHERE amount >` }, backends),
    );
    expect(error.code).toMatch(/^bad_request:/);
    expect(error.line).toBe(3);
  });

  it("passes the engine's sandbox refusals through with the warehouse's codes", async () => {
    const kafka = await failureOf(runQuery({ database: "kafka", sql: `DROP TABLE ${tables.purchases}` }, backends));
    const mysql = await failureOf(runQuery({ database: "warehouse", sql: `DROP TABLE ${tables.purchases}` }, backends));
    expect(kafka.code).toBe("sandbox:forbidden_statement");
    expect(mysql.code).toBe("sandbox:forbidden_statement");
    const kafkaTwo = await failureOf(runQuery({ database: "kafka", sql: "SELECT 1; SELECT 2" }, backends));
    const mysqlTwo = await failureOf(runQuery({ database: "warehouse", sql: "SELECT 1; SELECT 2" }, backends));
    expect(kafkaTwo.code).toBe("sandbox:multiple_statements");
    expect(mysqlTwo.code).toBe("sandbox:multiple_statements");
    for (const sql of ["SELECT 1 /*! +1 */", "SELECT 1 /*M!100000 +1 */", "SELECT /*+ MAX_EXECUTION_TIME(1) */ 1"]) {
      const [kafkaComment, mysqlComment] = await Promise.all([
        failureOf(runQuery({ database: "kafka", sql }, backends)),
        failureOf(runQuery({ database: "warehouse", sql }, backends)),
      ]);
      expect([kafkaComment.code, mysqlComment.code], sql).toEqual(["sandbox:executable_comment", "sandbox:executable_comment"]);
    }
  });

  it("reports a stopped engine as unavailable", async () => {
    const nowhere = createEngineClient({ url: `http://127.0.0.1:${await freePort()}`, queryTimeoutMs: 1_000 });
    const error = await failureOf(runQuery({ database: "kafka", sql: "SELECT 1" }, { ...backends, engine: nowhere }));
    expect(error.code).toBe("unavailable:engine");
    expect(error.canRetry).toBe(true);
  });
});
