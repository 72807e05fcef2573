import { randomBytes } from "node:crypto";
import { createKafka } from "../kafka/kafkajs-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveFigureName } from "../../lib/api/live";
import { COUNT_SQL } from "../../lib/story/difference-sql";
import { parseConfig } from "../config";
import { createKafkaSqlEngine, type KafkaSqlEngine } from "../engine/kafka-sql-engine";
import { bulkProduce } from "../generator/bulk-produce";
import { loadStoryRows } from "../query/testing/load-story-rows";
import { freePort } from "../stack/testing/free-port";
import { testStack } from "../stack/testing/test-stack";
import { loadStackStatus } from "../status/load-stack-status";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import { createScratchWarehouse, type ScratchWarehouse } from "../warehouse/testing/scratch-warehouse";
import { LiveHub, type LiveSubscriber } from "./live-hub";
import type { LiveSources, WarehouseAsOfReader } from "./live-sources";

/**
 * The hub against the real engine (its own topics) and the real warehouse (a scratch database),
 * through sources that only count the calls and point the story's table names at this test's.
 */
const ROWS = 600;
const prefix = `live_hub_${randomBytes(4).toString("hex")}`;
const tables = { purchases: `${prefix}_purchases`, requestlog: `${prefix}_requestlog` };
const FAST = { status: 300, counts: 200, topCustomers: 300, deviceMix: 400, datasets: 500 } satisfies Record<LiveFigureName, number>;
const cleanups: Array<() => Promise<void>> = [];
let engine: KafkaSqlEngine;
let warehouse: ScratchWarehouse;
let pool: WarehouseReadOnlyPool;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}
const ours = (sql: string) => sql.replace(/\bpurchases\b/g, tables.purchases).replace(/\brequestlog\b/g, tables.requestlog);

interface CountedSources extends LiveSources {
  calls: { kafkaCount: number; warehouseCount: number; all: number };
}

async function countedSources(): Promise<CountedSources> {
  // No supervisor listens there: the status source answers its real "not reachable" status at once.
  const config = parseConfig({ CONTROL_PORT: String(await freePort()) });
  const calls = { kafkaCount: 0, warehouseCount: 0, all: 0 };
  return {
    calls,
    kafkaQuery: (sql) => {
      calls.all += 1;
      if (sql === COUNT_SQL) calls.kafkaCount += 1;
      return engine.query(ours(sql));
    },
    kafkaCatalog: () => (calls.all++, engine.catalog()),
    warehouseQuery: (sql) => {
      calls.all += 1;
      if (sql === COUNT_SQL) calls.warehouseCount += 1;
      return pool.query(ours(sql));
    },
    warehouseCatalog: () => (calls.all++, pool.catalog()),
    status: () => (calls.all++, loadStackStatus(config)),
  };
}

/** A page: keeps every event it was pushed, by figure. */
function page(asOf: string | null = null): LiveSubscriber & { events: Map<string, string[]> } {
  const events = new Map<string, string[]>();
  return {
    asOf,
    events,
    send(event) {
      const name = /^event: (\w+)/.exec(event)?.[1] ?? "?";
      events.set(name, [...(events.get(name) ?? []), event]);
    },
  };
}

const frames = (subscriber: ReturnType<typeof page>, figure: LiveFigureName) =>
  (subscriber.events.get(figure) ?? []).map(
    (event) => JSON.parse(event.split("\ndata: ")[1] ?? "null") as { value: unknown; asOf: string | null; error: string | null },
  );

beforeAll(async () => {
  const stack = testStack();
  warehouse = await createScratchWarehouse(stack.mysqlAdminUrl, "t_live");
  cleanups.push(() => warehouse.drop());
  await loadStoryRows(warehouse.admin, tables, { seed: 1277, purchases: ROWS, requests: ROWS });
  pool = createWarehouseReadOnlyPool({ connection: warehouse.reader, statementTimeoutMs: 10_000, maxRows: 10_000 });
  cleanups.push(() => pool.close());

  const kafka = createKafka(stack.kafkaBrokers, `${prefix}-cleanup`, { silent: true });
  cleanups.push(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(tables) }).catch(() => {});
    await admin.disconnect();
  });
  await bulkProduce({ brokers: stack.kafkaBrokers, topic: "purchases", targetTopic: tables.purchases, count: ROWS, seed: 1277 });
  await bulkProduce({ brokers: stack.kafkaBrokers, topic: "requestlog", targetTopic: tables.requestlog, count: ROWS, seed: 1277 });
  engine = await createKafkaSqlEngine({
    brokers: stack.kafkaBrokers,
    topicFilter: (topic) => topic.startsWith(prefix),
    threads: 1,
    metadataIntervalMs: 500,
  });
  cleanups.push(() => engine.close());
  await engine.waitForCaughtUp(60_000);
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
});

describe("the live hub", () => {
  it("computes each figure once per interval for every open page, and pushes the same event to all", async () => {
    const sources = await countedSources();
    const hub = new LiveHub({ sources, intervalsMs: FAST });
    const pages = Array.from({ length: 25 }, () => page());
    const leave = pages.map((subscriber) => hub.subscribe(subscriber));
    await until(() => hub.computations.counts >= 4 && hub.computations.datasets >= 2);
    leave.forEach((unsubscribe) => unsubscribe());
    await sleep(500); // computations in flight finish (and go to nobody)

    const ticks = hub.computations.counts;
    // One count query per side per tick, whatever the number of pages (25 pages polling would be 25x).
    expect(sources.calls.kafkaCount).toBe(ticks);
    expect(sources.calls.warehouseCount).toBe(ticks);
    const first = frames(pages[0]!, "counts");
    expect(first.length).toBeGreaterThanOrEqual(ticks - 1);
    expect(first.at(-1)?.value).toEqual({ warehouse: ROWS, kafka: ROWS });
    for (const other of pages) expect(other.events.get("counts")).toEqual(pages[0]!.events.get("counts"));
    // The other figures arrived too, computed from the real data.
    const top = frames(pages[0]!, "topCustomers").at(-1)?.value as { customer: string; kafka: number; warehouse: number }[];
    expect(top.length).toBe(5);
    for (const row of top) expect(row.warehouse).toBeCloseTo(row.kafka, 2);
    expect((frames(pages[0]!, "deviceMix").at(-1)?.value as unknown[]).length).toBe(5);
    expect(frames(pages[0]!, "status").at(-1)?.value).toMatchObject({ pipeline: { state: expect.any(String) } });
  });

  it("runs nothing once the last page has left, and starts again for the next one with its latest frames", async () => {
    const sources = await countedSources();
    const hub = new LiveHub({ sources, intervalsMs: FAST });
    const a = page();
    const b = page();
    const leaveA = hub.subscribe(a);
    const leaveB = hub.subscribe(b);
    await until(() => hub.computations.counts >= 2);
    leaveA();
    expect(hub.running).toBe(true);
    leaveB();
    expect(hub.running).toBe(false);
    expect(hub.subscriberCount).toBe(0);
    await sleep(300); // let computations already in flight end
    const after = sources.calls.all;
    await sleep(1_200);
    expect(sources.calls.all).toBe(after);

    const c = page();
    const leaveC = hub.subscribe(c);
    expect(hub.running).toBe(true);
    await until(() => frames(c, "counts").length > 0);
    leaveC();
    expect(sources.calls.all).toBeGreaterThan(after);
    expect(frames(c, "counts").at(-1)?.value).toEqual({ warehouse: ROWS, kafka: ROWS });
  });

  it("computes a frozen warehouse once per distinct asOf and keeps it, while the live view keeps ticking", async () => {
    const sources = await countedSources();
    const asOfCalls = new Map<string, number>();
    // The real warehouse stands in for "as of": its rows do not change during the test either.
    const reader: WarehouseAsOfReader = {
      query: (sql, asOf) => {
        asOfCalls.set(asOf, (asOfCalls.get(asOf) ?? 0) + 1);
        return pool.query(ours(sql));
      },
      catalog: () => pool.catalog(),
    };
    const hub = new LiveHub({ sources, warehouseAsOf: reader, intervalsMs: FAST });
    const t1 = "2026-11-29T09:00:00.000Z";
    const t2 = "2026-11-29T09:05:00.000Z";
    const pages = [page(t1), page(t1), page(t1), page(t2), page(null)];
    const leave = pages.map((subscriber) => hub.subscribe(subscriber));
    await until(() => hub.computations.counts >= 4 && hub.computations.topCustomers >= 3);
    leave.forEach((unsubscribe) => unsubscribe());
    await sleep(500);

    // counts and topCustomers: one query each per asOf, however many ticks and pages.
    expect(asOfCalls.get(t1)).toBe(2);
    expect(asOfCalls.get(t2)).toBe(2);
    expect(hub.frozenComputations).toBe(2 * 2 + 2); // + one catalog per asOf
    expect(sources.calls.warehouseCount).toBe(hub.computations.counts); // the live view, every tick
    expect(frames(pages[0]!, "counts").every((frame) => frame.asOf === t1)).toBe(true);
    expect(frames(pages[3]!, "counts").every((frame) => frame.asOf === t2)).toBe(true);
    expect(frames(pages[4]!, "counts").every((frame) => frame.asOf === null)).toBe(true);
    expect(frames(pages[1]!, "counts").at(-1)?.value).toEqual({ warehouse: ROWS, kafka: ROWS });
  });
});
