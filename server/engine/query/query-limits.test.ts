import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, queryResultSchema } from "../../../lib/api/query";
import { catalogSchema } from "../../../lib/api/catalog";
import { testStack } from "../../stack/testing/test-stack";
import { engineHealthSchema } from "../engine-health";
import { startEngineHttpServer, type EngineHttpServer } from "../http/engine-http-server";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";

let kit: EngineTestKit;
let engine: KafkaSqlEngine;
let server: EngineHttpServer;
let topic: string;
const HEAVY = "SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c WHERE a.range + b.range * c.range = -1";

beforeAll(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
  topic = await kit.createTopic(2);
  await kit.produce(
    topic,
    Array.from({ length: 30 }, (_, i) => ({ i })),
  );
  engine = await kit.startEngine({ queryTimeoutMs: 1_500, maxRows: 7, maxConcurrentQueries: 1, maxQueuedQueries: 1 });
  server = await startEngineHttpServer(engine, { host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await server?.close();
  await kit.close();
});

describe("query limits", () => {
  it("interrupts a query that runs past the timeout, within about a second of it", async () => {
    const started = Date.now();
    await expect(engine.query(HEAVY)).rejects.toMatchObject({ code: "timeout:query" });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(1_500 + 1_000);
    // The connection is usable again afterwards.
    expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(30);
  });

  it("caps the rows it returns and says the result was truncated", async () => {
    const capped = await engine.query(`SELECT i FROM "${topic}" ORDER BY i`);
    expect(capped.rows).toEqual([[0], [1], [2], [3], [4], [5], [6]]);
    expect(capped.truncated).toBe(true);
    const whole = await engine.query(`SELECT i FROM "${topic}" WHERE i < 3 ORDER BY i`);
    expect(whole.truncated).toBe(false);
  });

  it("queues queries beyond the concurrency limit and refuses them when the queue is full", async () => {
    const running = engine.query(HEAVY).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const queued = engine.query("SELECT 42").catch((error: unknown) => error);
    await expect(engine.query("SELECT 43")).rejects.toMatchObject({ code: "rate_limit:queue_full" });
    expect(await running).toMatchObject({ code: "timeout:query" });
    expect(await queued).toMatchObject({ rows: [[42]] });
  });

  it("serves query, catalog and health over HTTP with the shared shapes", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const post = (body: unknown) =>
      fetch(`${base}/v1/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const ok = await post({ sql: `SELECT count(*) AS n FROM "${topic}";` });
    expect(ok.status).toBe(200);
    expect(queryResultSchema.parse(await ok.json()).rows).toEqual([[30]]);

    const refused = await post({ sql: "DROP TABLE x" });
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe("sandbox:forbidden_statement");

    const syntax = await post({ sql: "SELECT\n FROM WHERE" });
    expect(syntax.status).toBe(400);
    expect(apiErrorSchema.parse(await syntax.json()).error).toMatchObject({ code: "bad_request:syntax", line: 2 });

    expect((await post({ nosql: 1 })).status).toBe(400);
    expect((await fetch(`${base}/v1/nothing`)).status).toBe(404);

    const catalog = catalogSchema.parse(await (await fetch(`${base}/v1/catalog`)).json());
    expect(catalog.schemas[0]!.tables.map((t) => t.name)).toEqual([topic]);
    const health = engineHealthSchema.parse(await (await fetch(`${base}/v1/health`)).json());
    expect(health.topics[0]!.partitions.map((p) => p.lagMessages)).toEqual([0, 0]);
  });
});
