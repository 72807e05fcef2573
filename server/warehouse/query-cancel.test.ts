import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "./read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "./testing/scratch-warehouse";

/**
 * Cancel on the warehouse side: the read-only account kills its own statement (KILL QUERY from a
 * connection of its own, no extra grant), MariaDB stops executing it (gone from PROCESSLIST), and
 * the pool's only connection serves the next query at once.
 */
let warehouse: ScratchWarehouse;
let pool: WarehouseReadOnlyPool;
const CANCEL_WITHIN_MS = 500;
const marker = `cancel_${randomBytes(4).toString("hex")}`;
/** 2,000³ = 8·10⁹ rows to join: minutes of work, far past any test. */
const HEAVY = `SELECT '${marker}' AS marker, count(*) FROM numbers a, numbers b, numbers c WHERE a.n + b.n * c.n = -1`;

beforeAll(async () => {
  warehouse = await createScratchWarehouse(testStack().mysqlAdminUrl, "t_cancel");
  await warehouse.admin.query("CREATE TABLE numbers (n INT NOT NULL)");
  await warehouse.admin.query("INSERT INTO numbers VALUES ?", [Array.from({ length: 2_000 }, (_, n) => [n])]);
  // One connection and a time limit beyond the test: only a working cancel lets the next query run.
  pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 120_000, maxRows: 10, connectionLimit: 1 });
});
afterAll(async () => {
  await pool?.close();
  await warehouse?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failureOf(promise: Promise<unknown>): Promise<FomoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FomoError) return error;
    throw error;
  }
  throw new Error("expected the query to fail");
}

/** Statements of the server (every account, seen as root) that carry the marker, except this one. */
async function runningWithMarker(): Promise<Array<{ ID: number; COMMAND: string; INFO: string | null }>> {
  const [rows] = await warehouse.admin.query(
    "SELECT ID, COMMAND, INFO FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()",
    [`%${marker}%`],
  );
  return rows as Array<{ ID: number; COMMAND: string; INFO: string | null }>;
}

describe("cancelling a warehouse query", () => {
  it("kills the running statement within 500 ms: gone from PROCESSLIST, and the connection serves the next query at once", async () => {
    const controller = new AbortController();
    const running = failureOf(pool.query(HEAVY, { signal: controller.signal }));
    await sleep(400);
    expect(await runningWithMarker()).toHaveLength(1);
    const cancelledAt = performance.now();
    controller.abort();
    const error = await running;
    const latency = performance.now() - cancelledAt;
    expect(error.code).toBe("cancelled:query");
    expect(latency).toBeLessThan(CANCEL_WITHIN_MS);
    expect(await runningWithMarker()).toEqual([]);
    const nextStarted = performance.now();
    expect((await pool.query("SELECT count(*) FROM numbers")).rows).toEqual([[2_000]]);
    const next = performance.now() - nextStarted;
    expect(next).toBeLessThan(CANCEL_WITHIN_MS);
    console.info(
      `[cancel] warehouse: KILL QUERY answered in ${latency.toFixed(1)} ms, next query on the same connection ${next.toFixed(1)} ms`,
    );
  });

  it("reports a lone SLEEP, which MariaDB ends with a row rather than an error, as cancelled", async () => {
    const controller = new AbortController();
    const running = failureOf(pool.query(`SELECT SLEEP(60) AS ${marker}`, { signal: controller.signal }));
    await sleep(300);
    controller.abort();
    expect((await running).code).toBe("cancelled:query");
    expect(await runningWithMarker()).toEqual([]);
  });

  it("gives up waiting for a pooled connection at once when cancelled, and the pool stays usable", async () => {
    const blocker = new AbortController();
    const running = failureOf(pool.query(HEAVY, { signal: blocker.signal }));
    await sleep(200);
    const waiter = new AbortController();
    const waiting = failureOf(pool.query(`SELECT 'waiting_${marker}'`, { signal: waiter.signal }));
    await sleep(50);
    waiter.abort();
    expect((await waiting).code).toBe("cancelled:query");
    blocker.abort();
    expect((await running).code).toBe("cancelled:query");
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([[1]]);
  });
});
