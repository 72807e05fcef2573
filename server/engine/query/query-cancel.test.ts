import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FomoError } from "../../../lib/errors";
import { testStack } from "../../stack/testing/test-stack";
import { startEngineHttpServer, type EngineHttpServer } from "../http/engine-http-server";
import type { KafkaSqlEngine } from "../kafka-sql-engine";
import { createEngineTestKit, singleNumber, type EngineTestKit } from "../testing/engine-test-kit";

/**
 * Cancel on the Kafka side: one query slot, a query that would run for minutes, and a cancel. The
 * slot must be free at once (the next query runs in milliseconds), whether the cancel comes as an
 * AbortSignal or as the HTTP client going away.
 */
let kit: EngineTestKit;
let engine: KafkaSqlEngine;
let server: EngineHttpServer;
let topic: string;
const HEAVY = "SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c WHERE a.range + b.range * c.range = -1";
const CANCEL_WITHIN_MS = 500;

beforeAll(async () => {
  kit = await createEngineTestKit(testStack().kafkaBrokers);
  topic = await kit.createTopic(2);
  await kit.produce(
    topic,
    Array.from({ length: 20 }, (_, i) => ({ i })),
  );
  // A timeout far beyond the test: only the cancel can end the heavy query.
  engine = await kit.startEngine({ queryTimeoutMs: 60_000, maxConcurrentQueries: 1, maxQueuedQueries: 2 });
  server = await startEngineHttpServer(engine, { host: "127.0.0.1", port: 0 });
  await engine.waitForCaughtUp(20_000);
});
afterAll(async () => {
  await server?.close();
  await kit.close();
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

/** Time until a fresh query on the single slot answers: near zero only if the slot was released. */
async function nextQueryMs(): Promise<number> {
  const started = performance.now();
  expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(20);
  return performance.now() - started;
}

describe("cancelling a Kafka query", () => {
  it("interrupts a running query within 500 ms and frees its slot at once", async () => {
    const controller = new AbortController();
    const running = failureOf(engine.query(HEAVY, { signal: controller.signal }));
    await sleep(400);
    expect((await engine.health()).runningQueries).toBe(1);
    const cancelledAt = performance.now();
    controller.abort();
    const error = await running;
    const latency = performance.now() - cancelledAt;
    expect(error.code).toBe("cancelled:query");
    expect(latency).toBeLessThan(CANCEL_WITHIN_MS);
    expect((await engine.health()).runningQueries).toBe(0);
    const next = await nextQueryMs();
    expect(next).toBeLessThan(CANCEL_WITHIN_MS);
    console.info(`[cancel] engine: interrupted in ${latency.toFixed(1)} ms, next query on the freed slot ${next.toFixed(1)} ms`);
  });

  it("takes a cancelled query out of the queue without ever running it", async () => {
    const blocker = new AbortController();
    const running = failureOf(engine.query(HEAVY, { signal: blocker.signal }));
    await sleep(200);
    const waiter = new AbortController();
    const queued = failureOf(engine.query("SELECT 42", { signal: waiter.signal }));
    await sleep(50);
    expect((await engine.health()).queuedQueries).toBe(1);
    waiter.abort();
    expect((await queued).code).toBe("cancelled:query");
    expect((await engine.health()).queuedQueries).toBe(0);
    blocker.abort();
    expect((await running).code).toBe("cancelled:query");
    expect(await nextQueryMs()).toBeLessThan(CANCEL_WITHIN_MS);
  });

  it("interrupts the query of an HTTP client that disconnects, and frees its slot", async () => {
    const controller = new AbortController();
    const request = fetch(`http://127.0.0.1:${server.port}/v1/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sql: HEAVY }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await sleep(400);
    expect((await engine.health()).runningQueries).toBe(1);
    const cancelledAt = performance.now();
    controller.abort();
    await request;
    let freedAfter = Infinity;
    while (performance.now() - cancelledAt < 2_000) {
      if ((await engine.health()).runningQueries === 0) {
        freedAfter = performance.now() - cancelledAt;
        break;
      }
      await sleep(5);
    }
    expect(freedAfter).toBeLessThan(CANCEL_WITHIN_MS);
    expect(await nextQueryMs()).toBeLessThan(CANCEL_WITHIN_MS);
    console.info(`[cancel] engine over HTTP: slot free ${freedAfter.toFixed(1)} ms after the client went away`);
  });
});
