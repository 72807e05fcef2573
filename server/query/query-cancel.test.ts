import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";
import { startEngineHttpServer, type EngineHttpServer } from "../engine/http/engine-http-server";
import { createEngineTestKit, type EngineTestKit } from "../engine/testing/engine-test-kit";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "../warehouse/testing/scratch-warehouse";
import { createEngineClient } from "./engine-client";
import type { QueryBackends } from "./query-backends";
import { runQuery } from "./run-query";
import { cancelQuery, runCancellable } from "./running-queries";

/**
 * The web app's cancel protocol over both real backends, as the routes use it: a run registered
 * under the id its caller drew is stopped by `cancelQuery(id)` or by its request's signal; another
 * id cancels nothing.
 */
let kit: EngineTestKit;
let server: EngineHttpServer;
let warehouse: ScratchWarehouse;
let backends: QueryBackends;
const HEAVY: Record<Database, string> = {
  kafka: "SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c WHERE a.range + b.range * c.range = -1",
  warehouse: "SELECT count(*) FROM numbers a, numbers b, numbers c WHERE a.n + b.n * c.n = -1",
};

beforeAll(async () => {
  const stack = testStack();
  warehouse = await createScratchWarehouse(stack.mysqlAdminUrl, "t_webcancel");
  await warehouse.admin.query("CREATE TABLE numbers (n INT NOT NULL)");
  await warehouse.admin.query("INSERT INTO numbers VALUES ?", [Array.from({ length: 2_000 }, (_, n) => [n])]);
  kit = await createEngineTestKit(stack.kafkaBrokers);
  const engine = await kit.startEngine({ queryTimeoutMs: 60_000, maxConcurrentQueries: 1 });
  server = await startEngineHttpServer(engine, { host: "127.0.0.1", port: 0 });
  backends = {
    warehouse: createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 60_000, maxRows: 10, connectionLimit: 1 }),
    engine: createEngineClient({ url: `http://127.0.0.1:${server.port}`, queryTimeoutMs: 60_000 }),
  };
});
afterAll(async () => {
  await backends?.warehouse.close();
  await server?.close();
  await kit?.close();
  await warehouse?.drop();
});

const newQueryId = () => randomBytes(16).toString("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failureOf(promise: Promise<unknown>): Promise<FomoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FomoError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

async function expectEngineIdleWithin(ms: number, since: number): Promise<void> {
  while (performance.now() - since < ms) {
    const health = (await backends.engine.health()) as { runningQueries?: number };
    if (health.runningQueries === 0) return;
    await sleep(5);
  }
  throw new Error(`the engine still runs the cancelled query ${ms} ms after the cancel`);
}

describe.each(["kafka", "warehouse"] as const)("cancelling a %s query through the web layer", (database) => {
  it("stops the run named by its id within 500 ms, and only that one", async () => {
    const queryId = newQueryId();
    const run = failureOf(
      runCancellable(queryId, undefined, (signal) => runQuery({ database, sql: HEAVY[database] }, backends, { signal })),
    );
    await sleep(400);
    expect((await failureOf(cancelQuery(newQueryId()))).code).toBe("not_found:query");
    expect((await failureOf(runCancellable(queryId, undefined, async () => "never"))).code).toBe("bad_request:query_id_in_use");
    const cancelledAt = performance.now();
    const answer = await cancelQuery(queryId);
    expect(answer).toMatchObject({ queryId, cancelled: true });
    expect(answer.stoppedInMs).toBeLessThan(500);
    expect((await run).code).toBe("cancelled:query");
    const total = performance.now() - cancelledAt;
    // The id is free again once its run ended; a later cancel of it finds nothing.
    expect((await failureOf(cancelQuery(queryId))).code).toBe("not_found:query");
    // The backend's only slot is free (the engine frees it when it sees the disconnect): the next
    // query gets it. How fast is checked beside each backend (server/engine, server/warehouse).
    if (database === "kafka") await expectEngineIdleWithin(500, cancelledAt);
    const nextStarted = performance.now();
    expect((await runQuery({ database, sql: "SELECT 1 AS one" }, backends)).rows).toEqual([[1]]);
    const next = performance.now() - nextStarted;
    console.info(
      `[cancel] web layer, ${database}: stopped in ${answer.stoppedInMs} ms (cancel call ${total.toFixed(1)} ms), next query ${next.toFixed(1)} ms`,
    );
  });

  it("stops the run when its request's signal aborts (the browser went away)", async () => {
    const request = new AbortController();
    const run = failureOf(
      runCancellable(undefined, request.signal, (signal) => runQuery({ database, sql: HEAVY[database] }, backends, { signal })),
    );
    await sleep(300);
    const abortedAt = performance.now();
    request.abort();
    expect((await run).code).toBe("cancelled:query");
    expect(performance.now() - abortedAt).toBeLessThan(500);
  });
});
