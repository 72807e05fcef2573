import { randomBytes } from "node:crypto";
import mysql, { type Pool } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveFrameSchema } from "../../lib/api/live";
import { stackStatusSchema } from "../../lib/api/status";
import { FomoError } from "../../lib/errors";
import { COUNT_SQL } from "../../lib/story/difference-sql";
import { parseConfig, type FomoConfig } from "../config";
import { flushTransaction, type RowToLoad } from "../connector/flush-transaction";
import { ensureSinkOffsetsTable } from "../connector/sink-offsets";
import { adminConnectionOptions } from "../connector/testing/scratch-pipeline";
import { HOSTED_VISITOR_COOKIE } from "../hosted/visitor";
import { LiveHub } from "../live/live-hub";
import { liveSourcesOf, warehouseAsOfReaderOf } from "../live/live-sources";
import { liveAsOfOf, liveStopOf } from "../live/live-visitor";
import { visitorStatusRewriter } from "../live/visitor-live-status";
import { freePort } from "../stack/testing/free-port";
import { loadStackStatus } from "../status/load-stack-status";
import { createEngineClient } from "../query/engine-client";
import { createVisitorQueryRunner, type VisitorQueryRunner } from "../query/visitor-query-runner";
import { testStack } from "../stack/testing/test-stack";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { connectorDatabaseName, PURCHASES_TABLE_DDL, quoteIdentifier } from "../warehouse/schema";
import { ensureSystemVersioning, pruneVersionHistory } from "../warehouse/system-versioning";
import { createScratchWarehouse, type ScratchWarehouse } from "../warehouse/testing/scratch-warehouse";
import { queryVisitorOf, visitorOfRequest } from "./request-visitor";
import { pipelineScope, stopForVisitor } from "./visitor-pipeline";
import { VISITOR_STOP_COOKIE } from "./visitor-stop-cookie";

/**
 * One hosted visitor stops the pipeline: the real connector's exactly-once flushes keep loading a
 * system-versioned `purchases`, and through the real query path (cookie → visitor → fair queue →
 * read-only pool) that visitor's COUNT(*) holds at their stop while another visitor's grows.
 */
const TOPIC = "purchases";
const TOPIC_ID = "00000000-0000-4000-8000-000000000001";
const hostedConfig = parseConfig({ FOMO_HOSTED: "1", FOMO_HOSTED_SECRET: randomBytes(32).toString("hex") });
const config: Pick<FomoConfig, "hosted" | "visitorStop" | "stackDir"> = {
  hosted: hostedConfig.hosted,
  stackDir: hostedConfig.stackDir,
  visitorStop: { limitMs: 600_000 },
};

let warehouse: ScratchWarehouse;
let writer: Pool;
let pool: WarehouseReadOnlyPool;
let runner: VisitorQueryRunner;
let nextOffset = 0;
const offsetsDatabase = () => connectorDatabaseName(warehouse.database);
const cleanups: Array<() => Promise<void>> = [];

/** One connector flush of `count` purchases, exactly as the sink writes them. */
async function loadRows(count: number): Promise<void> {
  const from = nextOffset;
  const rows: RowToLoad[] = Array.from({ length: count }, (_, index) => ({
    customerId: `CU-${1000 + ((from + index) % 50)}`,
    amount: 10 + ((from + index) % 90),
    itemCode: "96385074",
    partition: 0,
    offset: from + index,
  }));
  await flushTransaction(writer, {
    database: warehouse.database,
    offsetsDatabase: offsetsDatabase(),
    topic: TOPIC,
    topicId: TOPIC_ID,
    rows,
    expectedOffsets: new Map([[0, from === 0 ? undefined : from]]),
    nextOffsets: new Map([[0, from + count]]),
  });
  nextOffset = from + count;
}

function request(cookies: Record<string, string>): Request {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return new Request("http://fomo.test/api/query", { method: "POST", headers: { cookie } });
}

async function countAs(cookies: Record<string, string>): Promise<number> {
  const visitor = queryVisitorOf(visitorOfRequest(request(cookies), config));
  const result = await runner.run({ database: "warehouse", sql: "SELECT COUNT(*) FROM purchases" }, visitor);
  return Number(result.rows[0]?.[0]);
}

async function stopCookieFor(visitorId: string): Promise<string> {
  const visitor = visitorOfRequest(request({ [HOSTED_VISITOR_COOKIE]: visitorId }), config);
  const { cookie } = await stopForVisitor(visitor, config, pool, undefined);
  return cookie;
}

beforeAll(async () => {
  const stack = testStack();
  warehouse = await createScratchWarehouse(stack.mysqlAdminUrl, "t_vstop");
  cleanups.push(() => warehouse.drop());
  await warehouse.admin.query(`CREATE DATABASE ${quoteIdentifier(offsetsDatabase())}`);
  cleanups.push(async () => void (await warehouse.admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(offsetsDatabase())}`)));
  await warehouse.admin.query(PURCHASES_TABLE_DDL);
  expect(await ensureSystemVersioning(warehouse.admin, warehouse.database)).toHaveLength(1);

  writer = mysql.createPool({ ...adminConnectionOptions(stack.mysqlAdminUrl), database: warehouse.database, connectionLimit: 2 });
  cleanups.push(() => writer.end());
  const connection = await writer.getConnection();
  await ensureSinkOffsetsTable(connection, offsetsDatabase());
  connection.release();

  pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 10_000, maxRows: 1_000 });
  cleanups.push(() => pool.close());
  runner = createVisitorQueryRunner({
    backends: { warehouse: pool, engine: createEngineClient({ url: "http://127.0.0.1:9", queryTimeoutMs: 1_000 }) },
    limits: { queriesPerMinute: 0, queriesAtOnce: 0, queriesWaiting: 0 },
    engineConcurrency: 2,
    warehouseConcurrency: 2,
  });
  await loadRows(100);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
});

describe("a hosted visitor's pipeline stop", () => {
  it("freezes that visitor's warehouse at the stop while the connector keeps loading for everyone else", async () => {
    const a = { [HOSTED_VISITOR_COOKIE]: "visitor-axxxxxxxxxxxxx" };
    const b = { [HOSTED_VISITOR_COOKIE]: "visitor-bxxxxxxxxxxxxx" };
    const atStop = await countAs(a);
    const aStopped = { ...a, [VISITOR_STOP_COOKIE]: await stopCookieFor("visitor-axxxxxxxxxxxxx") };

    const seen: Array<{ a: number; b: number }> = [];
    for (let flush = 0; flush < 3; flush += 1) {
      await loadRows(40);
      seen.push({ a: await countAs(aStopped), b: await countAs(b) });
    }
    expect(seen).toEqual([
      { a: atStop, b: atStop + 40 },
      { a: atStop, b: atStop + 80 },
      { a: atStop, b: atStop + 120 },
    ]);
    // Unchanged SQL sees the frozen rows in every form: filters, groups, subqueries.
    const visitor = queryVisitorOf(visitorOfRequest(request(aStopped), config));
    const grouped = await runner.run(
      {
        database: "warehouse",
        sql: "SELECT COUNT(*) FROM (SELECT customerid, SUM(amount) FROM purchases GROUP BY customerid) t WHERE (SELECT MAX(kafka_offset) FROM purchases) < 100",
      },
      visitor,
    );
    expect(grouped.rows).toEqual([[50]]);
    // Restart = no stop cookie: the visitor sees the live warehouse again.
    expect(await countAs(a)).toBe(atStop + 120);
  });

  it("is that visitor's alone: another visitor holding the same cookie, or a forged one, sees the live warehouse", async () => {
    const cookie = await stopCookieFor("visitor-cxxxxxxxxxxxxx");
    await loadRows(10);
    const live = nextOffset;
    expect(await countAs({ [HOSTED_VISITOR_COOKIE]: "visitor-dxxxxxxxxxxxxx", [VISITOR_STOP_COOKIE]: cookie })).toBe(live);
    const [payload, mac] = cookie.split(".");
    const forged = `${Buffer.from(
      Buffer.from(payload ?? "", "base64url")
        .toString()
        .replace(/"visitor-cxxxxxxxxxxxxx"/, '"visitor-exxxxxxxxxxxxx"'),
    ).toString("base64url")}.${mac}`;
    expect(await countAs({ [HOSTED_VISITOR_COOKIE]: "visitor-exxxxxxxxxxxxx", [VISITOR_STOP_COOKIE]: forged })).toBe(live);
    expect(await countAs({ [HOSTED_VISITOR_COOKIE]: "visitor-cxxxxxxxxxxxxx", [VISITOR_STOP_COOKIE]: cookie })).toBe(live - 10);
  });

  it("keeps deleted rows for a stopped visitor until the history is pruned", async () => {
    const cookies = {
      [HOSTED_VISITOR_COOKIE]: "visitor-fxxxxxxxxxxxxx",
      [VISITOR_STOP_COOKIE]: await stopCookieFor("visitor-fxxxxxxxxxxxxx"),
    };
    const before = await countAs(cookies);
    // What the connector does when the topic is re-created: the old incarnation's rows go.
    await warehouse.admin.query("DELETE FROM purchases WHERE kafka_offset < 30");
    expect(await countAs(cookies)).toBe(before);
    expect(await countAs({ [HOSTED_VISITOR_COOKIE]: "visitor-gxxxxxxxxxxxxx" })).toBe(before - 30);
    expect(await pruneVersionHistory(warehouse.admin, warehouse.database, 0)).toBe(30);
    expect(await countAs(cookies)).toBe(before - 30);
  });
});

describe("a stopped visitor's live figures (GET /api/live)", () => {
  it("freezes their step-5 warehouse count, computed once per stop moment, while the live view keeps loading", async () => {
    const stopped = request({
      [HOSTED_VISITOR_COOKIE]: "visitor-ixxxxxxxxxxxxx",
      [VISITOR_STOP_COOKIE]: await stopCookieFor("visitor-ixxxxxxxxxxxxx"),
    });
    const asOf = await liveAsOfOf(stopped, config);
    expect(asOf).toMatch(/^\d+(\.\d+)?$/);
    expect(await liveAsOfOf(request({ [HOSTED_VISITOR_COOKIE]: "visitor-jxxxxxxxxxxxxx" }), config)).toBeNull();
    const atStop = await countAs({ [HOSTED_VISITOR_COOKIE]: "visitor-jxxxxxxxxxxxxx" });

    // The real as-of reader over the real pool, counting the frozen COUNT(*) it is asked for.
    const reader = warehouseAsOfReaderOf(pool);
    let frozenCounts = 0;
    const counted = {
      query: (sql: string, at: string) => ((frozenCounts += sql === COUNT_SQL ? 1 : 0), reader.query(sql, at)),
      catalog: reader.catalog,
    };
    // No engine and no supervisor listen there: the Kafka side and the status fail for real, the warehouse side answers.
    const statusConfig = parseConfig({ CONTROL_PORT: String(await freePort()) });
    const sources = liveSourcesOf(
      { warehouse: pool, engine: createEngineClient({ url: "http://127.0.0.1:9", queryTimeoutMs: 1_000 }) },
      () => loadStackStatus(statusConfig),
    );
    const hub = new LiveHub({
      sources,
      warehouseAsOf: counted,
      intervalsMs: { counts: 100, status: 200, topCustomers: 5_000, deviceMix: 5_000, datasets: 5_000 },
    });
    const warehouseCounts = { frozen: [] as number[], live: [] as number[] };
    const statusEvents: string[] = [];
    const countOf = (event: string) => {
      const frame = liveFrameSchema("counts").parse(JSON.parse(event.split("data: ")[1] ?? "null"));
      return (frame.value as { warehouse: number | null } | null)?.warehouse ?? null;
    };
    const collect = (into: number[]) => (event: string) => {
      const count = event.startsWith("event: counts\n") ? countOf(event) : null;
      if (count !== null) into.push(count);
    };
    const rewrite = visitorStatusRewriter(liveStopOf(stopped, config) as NonNullable<ReturnType<typeof liveStopOf>>, true);
    const unsubscribe = [
      hub.subscribe({
        asOf,
        send: (event) => (collect(warehouseCounts.frozen)(event), event.startsWith("event: status\n") && statusEvents.push(rewrite(event))),
      }),
      hub.subscribe({ asOf: null, send: collect(warehouseCounts.live) }),
    ];
    try {
      await loadRows(25);
      const deadline = Date.now() + 20_000;
      while (
        (warehouseCounts.live.at(-1) !== atStop + 25 || warehouseCounts.frozen.length < 5 || statusEvents.length === 0) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      for (const stop of unsubscribe) stop();
    }
    expect(warehouseCounts.live.at(-1)).toBe(atStop + 25);
    expect(warehouseCounts.frozen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(warehouseCounts.frozen)).toEqual(new Set([atStop]));
    expect(frozenCounts).toBe(1);
    // Their pushed status says the pipeline is stopped by them, as their /api/status does.
    const status = stackStatusSchema.parse(
      liveFrameSchema("status").parse(JSON.parse(statusEvents[0]?.split("data: ")[1] ?? "null")).value,
    );
    const connector = status.services.find((service) => service.name === "connector");
    expect(connector?.metrics?.running).toBe(false);
    expect(connector?.detail).toMatch(/^stopped by you at /);
  });
});

describe("a warehouse without row history", () => {
  it("refuses a per-visitor stop with a clear message and reports the control as unavailable", async () => {
    const plain = await createScratchWarehouse(testStack().mysqlAdminUrl, "t_vstop_plain");
    const plainPool = createWarehouseReadOnlyPool({ connection: plain.reader, statementTimeoutMs: 10_000, maxRows: 10 });
    try {
      await plain.admin.query(PURCHASES_TABLE_DDL);
      const visitor = visitorOfRequest(request({ [HOSTED_VISITOR_COOKIE]: "visitor-hxxxxxxxxxxxxx" }), config);
      expect(await pipelineScope(visitor, plainPool)).toBe("unavailable");
      const failure = await stopForVisitor(visitor, config, plainPool, undefined).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(FomoError);
      expect((failure as FomoError).code).toBe("unavailable:visitor_stop");
      expect((failure as FomoError).message).toMatch(/cannot freeze the warehouse for one visitor/);
    } finally {
      await plainPool.close();
      await plain.drop();
    }
  });
});
