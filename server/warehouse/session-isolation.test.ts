import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "./read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "./testing/scratch-warehouse";

/**
 * Two visitors share the web's pool: whatever one of them leaves on a session (variables, locks,
 * session settings) must be gone before the other's next request, whichever connection it gets.
 */

let warehouse: ScratchWarehouse;
let pool: WarehouseReadOnlyPool;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  warehouse = await createScratchWarehouse(testStack().mysqlAdminUrl, "t_session");
  cleanups.push(() => warehouse.drop());
  // The web's pool: four connections, the statement time limit and row cap of a small config.
  pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 1_000, maxRows: 10 });
  cleanups.push(() => pool.close());
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function cell(sql: string): Promise<unknown> {
  return (await pool.query(sql)).rows[0]?.[0];
}

/** Runs `sql` as several visitors at once, so every pooled connection serves some of them. */
async function fromEveryConnection(sql: string, times = 12): Promise<unknown[]> {
  return Promise.all(Array.from({ length: times }, () => cell(sql)));
}

/** The server thread running the statement that mentions `marker`, once it holds its lock. */
async function runningThreadOf(marker: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [rows] = await warehouse.admin.query(
      "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND INFO NOT LIKE '%PROCESSLIST%' AND IS_USED_LOCK(?) IS NOT NULL",
      [`%${marker}%`, marker],
    );
    const id = (rows as Array<{ ID: number }>)[0]?.ID;
    if (id !== undefined) return id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no running statement mentions ${marker}`);
}

function lockName(): string {
  return `fomo_test_${randomUUID()}`;
}

describe("warehouse session isolation", () => {
  it("never shows one visitor's user variable to the next request", async () => {
    for (let round = 0; round < 3; round++) {
      expect(await cell("SELECT @x := 'secret_from_visitor_a'")).toBe("secret_from_visitor_a");
      expect(await fromEveryConnection("SELECT @x")).toEqual(Array(12).fill(null));
      expect(await cell("SELECT @x")).toBeNull();
    }
  });

  it("releases a GET_LOCK lock when the request that took it ends", async () => {
    const name = lockName();
    expect(await cell(`SELECT GET_LOCK('${name}', 100)`)).toBe(1);
    expect(await cell(`SELECT IS_FREE_LOCK('${name}')`)).toBe(1);
    expect(await fromEveryConnection(`SELECT IS_FREE_LOCK('${name}')`)).toEqual(Array(12).fill(1));
  });

  it("releases the lock of a statement stopped at the time limit", async () => {
    const name = lockName();
    const error = await pool.query(`SELECT GET_LOCK('${name}', 100), SLEEP(30)`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FomoError);
    expect((error as FomoError).code).toBe("timeout:query");
    expect(await fromEveryConnection(`SELECT IS_FREE_LOCK('${name}')`)).toEqual(Array(12).fill(1));
  });

  it.each(["QUERY", "CONNECTION"])("does not reuse a session whose statement was cancelled by KILL %s", async (kill) => {
    const name = lockName();
    const pending = pool.query(`SELECT GET_LOCK('${name}', 100), SLEEP(0.9)`).catch((caught: unknown) => caught);
    const threadId = await runningThreadOf(name);
    await warehouse.admin.query(`KILL ${kill} ${threadId}`);
    const outcome = await pending;
    expect(outcome).toBeInstanceOf(FomoError);
    expect(await fromEveryConnection(`SELECT IS_FREE_LOCK('${name}')`)).toEqual(Array(12).fill(1));
    expect(await fromEveryConnection("SELECT @@sql_select_limit", 8)).toEqual(Array(8).fill(11));
  });

  it("forgets a LAST_INSERT_ID set by a previous request", async () => {
    expect(Number(await cell("SELECT LAST_INSERT_ID(424242)"))).toBe(424242);
    const seen = await fromEveryConnection("SELECT LAST_INSERT_ID()");
    expect(seen.map(Number)).toEqual(Array(12).fill(0));
  });

  it("keeps the statement time limit and row cap on every request after a reset", async () => {
    for (let round = 0; round < 3; round++) {
      const limits = await fromEveryConnection("SELECT @@max_statement_time, @@sql_select_limit", 8);
      expect(limits.map(Number)).toEqual(Array(8).fill(1));
      const rows = await pool.query("SELECT @@max_statement_time AS t, @@sql_select_limit AS l");
      expect(rows.rows).toEqual([[1, 11]]);
      const started = Date.now();
      const error = await pool.query("SELECT SLEEP(20)").catch((caught: unknown) => caught);
      expect((error as FomoError).code).toBe("timeout:query");
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it("refuses every statement that would change a session setting", async () => {
    for (const sql of [
      "SET STATEMENT max_statement_time = 0 FOR SELECT SLEEP(2)",
      "SET @@session.max_statement_time = 0",
      "SET SESSION sql_select_limit = 100000",
      "SET @x = 1",
      "SELECT 1 INTO @v",
      "SELECT 1 INTO OUTFILE '/tmp/x'",
      "DO GET_LOCK('x', 1)",
      "PREPARE s FROM 'SELECT 1'",
      "CREATE TEMPORARY TABLE t (a INT)",
    ]) {
      const error = await pool.query(sql).catch((caught: unknown) => caught);
      expect(error, sql).toBeInstanceOf(FomoError);
      expect((error as FomoError).code, sql).toMatch(/^sandbox:/);
    }
    // Writing a system variable inside a SELECT is not MySQL syntax: the server refuses it.
    const assignment = await pool.query("SELECT @@session.sql_select_limit := 5").catch((caught: unknown) => caught);
    expect((assignment as FomoError).code).toBe("bad_request:syntax");
    expect(await fromEveryConnection("SELECT @@sql_select_limit", 8)).toEqual(Array(8).fill(11));
  });
});
