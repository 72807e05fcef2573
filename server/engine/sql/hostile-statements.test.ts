import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFomoError } from "../../../lib/errors";
import { testStack } from "../../stack/testing/test-stack";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";

let kit: EngineTestKit;
let engine: KafkaSqlEngine;
let topic: string;
let watchedDir: string;

beforeAll(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
  topic = await kit.createTopic(2);
  await kit.produce(
    topic,
    Array.from({ length: 50 }, (_, i) => ({ customerId: `CU-${1000 + (i % 5)}`, amount: i })),
  );
  engine = await kit.startEngine();
  await engine.waitForCaughtUp(20_000);
  watchedDir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-hostile-"));
});

afterAll(async () => {
  await kit?.close();
  if (watchedDir) fs.rmSync(watchedDir, { recursive: true, force: true });
});

function hostileCorpus(dir: string, t: string): string[] {
  const file = (name: string) => `'${path.join(dir, name)}'`;
  const q = `"${t}"`;
  return [
    `DROP TABLE ${q}`,
    `DELETE FROM ${q}`,
    `INSERT INTO ${q} (_partition) VALUES (1)`,
    `UPDATE ${q} SET amount = 0`,
    `CREATE TABLE x AS SELECT 1`,
    `CREATE VIEW v AS SELECT 1`,
    `CREATE MACRO m(a) AS a`,
    `CREATE SEQUENCE s`,
    `ALTER TABLE ${q} ADD COLUMN z INT`,
    `TRUNCATE ${q}`,
    `COPY (SELECT 1) TO ${file("copy.csv")}`,
    `COPY ${q} TO ${file("copy2.parquet")} (FORMAT parquet)`,
    `EXPORT DATABASE ${file("export")}`,
    `IMPORT DATABASE ${file("export")}`,
    `ATTACH ':memory:' AS other`,
    `ATTACH ${file("other.db")} AS other`,
    `DETACH fomo_ingest`,
    `INSTALL httpfs`,
    `LOAD httpfs`,
    `SET threads = 1`,
    `SET enable_external_access = true`,
    `RESET memory_limit`,
    `SET VARIABLE x = 1`,
    `PRAGMA threads = 1`,
    `PRAGMA database_list`,
    `CALL duckdb_tables()`,
    `CHECKPOINT`,
    `VACUUM`,
    `USE fomo_ingest`,
    `BEGIN TRANSACTION`,
    `SELECT * FROM read_csv(${file("x.csv")})`,
    `SELECT * FROM read_csv_auto('/etc/passwd')`,
    `SELECT * FROM read_json('/etc/hosts')`,
    `SELECT * FROM read_parquet('x.parquet')`,
    `SELECT * FROM parquet_scan('x.parquet')`,
    `SELECT * FROM read_text('/etc/passwd')`,
    `SELECT * FROM read_blob('/etc/passwd')`,
    `SELECT * FROM glob('/etc/*')`,
    `SELECT * FROM sniff_csv('/etc/passwd')`,
    `SELECT * FROM query('SELECT 1')`,
    `SELECT * FROM query_table('fomo_ingest.x')`,
    `SELECT * FROM json_execute_serialized_sql('{}')`,
    `SELECT * FROM duckdb_tables()`,
    `SELECT * FROM duckdb_settings()`,
    `SELECT * FROM sqlite_master`,
    `SELECT * FROM information_schema.tables`,
    `SELECT * FROM pg_catalog.pg_tables`,
    `SELECT * FROM fomo_ingest.${q}`,
    `SELECT * FROM temp.main.${q}`,
    `SELECT * FROM memory.fomo_ingest.${q}`,
    `SELECT getvariable('x')`,
    `SELECT setseed(0.5)`,
    `SELECT nextval('s')`,
    `SELECT * FROM range(getvariable('n'))`,
    `SELECT * FROM 'data.csv'`,
    `SELECT * FROM ${file("data.parquet")}`,
    `SELECT 1; DROP TABLE ${q}`,
    `SELECT 1; SELECT 2`,
    `SUMMARIZE ${q}`,
    `EXPLAIN SELECT 1`,
    `WITH x AS (SELECT 1) DELETE FROM ${q}`,
    // The MySQL functions are macros the engine made: they cannot be replaced, dropped or used to reach anything.
    `CREATE OR REPLACE MACRO mysql_concat(a) AS getvariable('x')`,
    `DROP MACRO locate`,
    `SELECT * FROM locate('a', 'b')`,
    `SELECT mysql_concat(getvariable('x'), 'a')`,
    `SELECT 1 FROM ${q} WHERE customerid REGEXP 'x'; DROP TABLE ${q}`,
    `SELECT \`customerid\` FROM ${q} LIMIT 1, 1; SET threads = 1`,
    // The engine's settings and identity are not the analyst's to read.
    `SELECT current_setting('memory_limit')`,
    `SELECT current_setting('threads')`,
    `SELECT version()`,
    `SELECT VERSION()`,
    `SELECT @@version`,
    `SELECT @@session.max_statement_time`,
    `SELECT @x := 1`,
    `SELECT @amount FROM ${q}`,
    `SELECT platform()`,
    `SELECT user_agent()`,
    `SELECT current_database()`,
    `SELECT current_schemas(true)`,
    `SELECT current_query()`,
    `SELECT txid_current()`,
    `SELECT stats(amount) FROM ${q}`,
    `SELECT pg_get_viewdef(1)`,
    `SELECT pg_sleep(1)`,
    `SELECT has_table_privilege('x', 'select')`,
    `SELECT * FROM duckdb_extensions()`,
    `SELECT * FROM duckdb_variables()`,
    `SELECT * FROM pragma_version()`,
    `SELECT * FROM pragma_platform()`,
    `SELECT * FROM which_secret('s3://x', 's3')`,
    `SELECT getenv('HOME')`,
    `SELECT current_user`,
    `SELECT session_user, user`,
    `SELECT current_role`,
    `SELECT current_catalog`,
    `SELECT amount, current_schema FROM ${q}`,
    `SELECT amount FROM ${q} WHERE current_setting('threads') = '2'`,
    // Comments the server and a checker would read differently.
    `SELECT 1 /*! +1 */`,
    `SELECT/*!*/1`,
    `SELECT 1 /*!50100 , current_setting('threads') */`,
    `SELECT 1 /*M! ; DROP TABLE ${q} */`,
    `SELECT /*+ SET_VAR(threads = 1) */ 1`,
    `SELECT 1 -- x\n; DROP TABLE ${q}`,
    `SELECT 1 --x\n; DROP TABLE ${q}`,
    `SELECT 1 # x\n; DROP TABLE ${q}`,
    `SELECT 1 /* /* */ ; DROP TABLE ${q} -- */`,
    `SELECT '\\'; DROP TABLE ${q}; -- '; DROP TABLE ${q}`,
  ];
}

describe("the read-only sandbox", () => {
  it("refuses every hostile statement with a code before running it, and nothing changes", async () => {
    const before = await engine.query(`SELECT count(*) FROM "${topic}"`);
    const tablesBefore = await engine.query("SHOW ALL TABLES");
    const corpus = hostileCorpus(watchedDir, topic);
    expect(corpus.length).toBeGreaterThanOrEqual(40);

    const outcomes: { sql: string; code: string }[] = [];
    for (const sql of corpus) {
      const error = await engine.query(sql).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(isFomoError(error), `not refused: ${sql}`).toBe(true);
      if (isFomoError(error)) outcomes.push({ sql, code: error.code });
    }
    for (const { sql, code } of outcomes) {
      expect(code, sql).toMatch(/^(sandbox|not_found):/);
    }

    expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(singleNumber(before));
    expect(singleNumber(before)).toBe(50);
    expect((await engine.query("SHOW ALL TABLES")).rows).toEqual(tablesBefore.rows);
    expect(fs.readdirSync(watchedDir)).toEqual([]);
    expect((await engine.query("SELECT LOCATE('b', 'abc') AS l, CONCAT('a', NULL) AS c")).rows).toEqual([[2, null]]);
    expect(fs.existsSync(path.join(process.cwd(), "other.db"))).toBe(false);
  });

  it("names the rule that refused a statement", async () => {
    await expect(engine.query("DROP TABLE x")).rejects.toMatchObject({ code: "sandbox:forbidden_statement" });
    await expect(engine.query("SELECT 1; SELECT 2;")).rejects.toMatchObject({ code: "sandbox:multiple_statements" });
    await expect(engine.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toMatchObject({
      code: "sandbox:forbidden_function",
      line: 1,
      column: 15,
    });
    await expect(engine.query("SELECT * FROM sqlite_master")).rejects.toMatchObject({ code: "not_found:table" });
  });

  it("refuses executable comments, variables and settings reads with their own codes and positions", async () => {
    await expect(engine.query("SELECT 1\n  /*! +1 */")).rejects.toMatchObject({ code: "sandbox:executable_comment", line: 2, column: 3 });
    await expect(engine.query("SELECT @@version")).rejects.toMatchObject({ code: "sandbox:forbidden_variable", line: 1, column: 8 });
    await expect(engine.query("SELECT 1,\n current_setting('memory_limit')")).rejects.toMatchObject({
      code: "sandbox:forbidden_function",
      line: 2,
      column: 2,
    });
    await expect(engine.query("SELECT 1 /* never closed")).rejects.toMatchObject({ code: "bad_request:syntax", line: 1, column: 10 });
    await expect(engine.query("SELECT 'never closed")).rejects.toMatchObject({ code: "bad_request:syntax" });
  });

  it("lets a topic's own column named like an engine pseudo-column through", async () => {
    const users = await kit.createTopic(1);
    await kit.produce(users, [{ user: "ada", current_role: "analyst" }]);
    await engine.waitForCaughtUp(20_000);
    expect((await engine.query(`SELECT user, current_role FROM "${users}"`)).rows).toEqual([["ada", "analyst"]]);
    await expect(engine.query(`SELECT current_user FROM "${users}"`)).rejects.toMatchObject({
      code: "sandbox:forbidden_function",
      line: 1,
      column: 8,
    });
  });

  it("reads comments as MySQL does", async () => {
    const cell = async (sql: string) => (await engine.query(sql)).rows[0]?.[0];
    expect(await cell("SELECT 5--2")).toBe(7);
    expect(await cell("SELECT 5 -- 2")).toBe(5);
    expect(await cell("SELECT 1 /* /* */ + 1")).toBe(2);
    expect(await cell("SELECT 1 # c\n + 1")).toBe(2);
    await expect(engine.query("SELECT 1; -- trailing")).resolves.toMatchObject({ rows: [[1]] });
  });

  it("reports parser errors with the line and column of the original text", async () => {
    await expect(engine.query("SELECT 1\nFROM\n  WHERE x")).rejects.toMatchObject({
      code: "bad_request:syntax",
      line: 3,
      column: 3,
    });
    await expect(engine.query(`SELECT *\nFROM "${topic}"\nWHERE nosuch = 1`)).rejects.toMatchObject({
      code: "bad_request:query",
      line: 3,
      column: 7,
    });
  });
});
