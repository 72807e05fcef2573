import { createKafka } from "../server/kafka/kafkajs-client";
import { FomoError } from "../lib/errors";
import { childEnvironment, loadConfig } from "../server/config";
import { bulkProduce } from "../server/generator/bulk-produce";
import { createEngineClient } from "../server/query/engine-client";
import { compareResults } from "../server/query/equality/compare-results";
import { createWarehouseReadOnlyPool, type WarehouseReadOnlyPool } from "../server/warehouse/read-only-pool";
import { parseBenchOptions } from "./bench-options";
import { startBenchStack, type BenchStack } from "./bench-stack";
import { createBenchTopics } from "./bench-topics";
import { startEngineChild, type EngineChild } from "./engine-child";
import { measureFreshness } from "./freshness";
import { timeRuns } from "./latency";
import { loadBenchWarehouse, type BenchWarehouse } from "./load-warehouse";
import { machineInfo } from "./machine";
import { BENCH_QUERIES, evaluateTargets, withBenchTables } from "./bench-queries";
import { renderMarkdown, writeResults, type BenchResult, type QueryBenchResult } from "./report";

/**
 * `npm run bench [-- --messages 10000000]`: loads the same purchases (and requests) into a fresh
 * Kafka topic and into a warehouse table, then measures, side by side in one run, cold catch-up
 * ingest, warm query latency on both sides, freshness and the engine's memory.
 */

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function attempt<T>(what: string, work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${what} failed: ${message}`);
    return { error: message };
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const config = loadConfig();
  const startedAt = new Date();
  const stamp = startedAt.getTime().toString(36);
  const prefix = `bench_${stamp}_`;
  const tables = { purchases: `${prefix}purchases`, requestlog: `${prefix}requestlog` };
  const cleanups: Array<() => Promise<void>> = [];
  let stack: BenchStack | undefined;

  const interrupted = () => {
    log("interrupted: cleaning up");
    void Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup())).then(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    stack = await startBenchStack(options, log);
    cleanups.push(() => stack!.stop());
    const brokers = stack.brokers;

    const kafka = createKafka(brokers, "fomo-bench-cleanup", { silent: true });
    cleanups.push(async () => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [tables.purchases, tables.requestlog] }).catch(() => undefined);
      await admin.disconnect();
    });

    await createBenchTopics(brokers, [tables.purchases, tables.requestlog]);
    const progress = (label: string) => {
      let last = 0;
      return ({ produced, count }: { produced: number; count: number }) => {
        if (produced - last >= count / 10 || produced === count) {
          last = produced;
          log(`${label}: ${produced.toLocaleString("en-US")} / ${count.toLocaleString("en-US")}`);
        }
      };
    };
    log(`producing ${options.messages.toLocaleString("en-US")} purchases to ${tables.purchases}`);
    const producedPurchases = await bulkProduce({
      brokers,
      topic: "purchases",
      targetTopic: tables.purchases,
      count: options.messages,
      seed: options.seed,
      onProgress: progress("purchases"),
    });
    log(`producing ${options.requests.toLocaleString("en-US")} requests to ${tables.requestlog}`);
    const producedRequests = await bulkProduce({
      brokers,
      topic: "requestlog",
      targetTopic: tables.requestlog,
      count: options.requests,
      seed: options.seed,
      onProgress: progress("requests"),
    });

    let warehouse: BenchWarehouse | undefined;
    let pool: WarehouseReadOnlyPool | undefined;
    let warehouseVersion = "skipped";
    if (!options.skipWarehouse) {
      warehouse = await loadBenchWarehouse({
        admin: stack.warehouseAdmin,
        host: stack.warehouseHost,
        port: stack.warehousePort,
        tables,
        seed: options.seed,
        purchases: options.messages,
        requests: options.requests,
        log,
      });
      cleanups.push(() => warehouse!.drop());
      pool = createWarehouseReadOnlyPool({
        connection: warehouse.reader,
        statementTimeoutMs: options.warehouseTimeoutMs,
        maxRows: config.engine.maxRows,
        connectionLimit: 1,
      });
      cleanups.push(() => pool!.close());
      warehouseVersion = (await pool.server()).version;
      log(`warehouse loaded in ${(warehouse.loadMs / 1000).toFixed(1)} s (${warehouse.method})`);
    }

    log("starting the engine (cold: nothing ingested yet)");
    const spawnedAt = performance.now();
    const engineChild: EngineChild = await startEngineChild({ brokers, topicPrefix: prefix, env: childEnvironment({}), log });
    cleanups.push(() => engineChild.stop());
    const caughtUp = await engineChild.caughtUp;
    const fromSpawnMs = performance.now() - spawnedAt;
    const ingestedTarget = options.messages + options.requests;
    log(`engine caught up: ${caughtUp.ingestedMessages.toLocaleString("en-US")} messages in ${(caughtUp.ms / 1000).toFixed(1)} s`);
    const rssAfterCatchUpBytes = engineChild.memory().rssBytes;

    const engine = createEngineClient({ url: engineChild.url, queryTimeoutMs: config.engine.queryTimeoutMs });
    const queries: QueryBenchResult[] = [];
    for (const query of BENCH_QUERIES) {
      const sql = withBenchTables(query.sql, tables);
      log(`timing "${query.name}"`);
      let sameAnswer: boolean | null = null;
      let warehouseTimedOut = false;
      if (pool) {
        const check = await attempt("answer check", async () => {
          try {
            return compareResults(await pool!.query(sql), await engine.query(sql), query.ordered) === undefined;
          } catch (error) {
            warehouseTimedOut = error instanceof FomoError && error.code === "timeout:query";
            throw error;
          }
        });
        sameAnswer = typeof check === "boolean" ? check : false;
      }
      const engineStats = await attempt(`engine ${query.name}`, () => timeRuns(() => engine.query(sql), options.runs, options.budgetMs));
      // A warehouse query that ran into the statement limit once would do so on every timed run:
      // record the limit as a lower bound instead of spending runs x limit on it.
      const warehouseStats = !pool
        ? null
        : warehouseTimedOut
          ? { error: `did not finish within the ${options.warehouseTimeoutMs / 1000} s statement limit` }
          : await attempt(`warehouse ${query.name}`, () => timeRuns(() => pool!.query(sql), options.runs, options.budgetMs));
      const speedup =
        warehouseStats && !("error" in warehouseStats) && !("error" in engineStats)
          ? Math.round((warehouseStats.p50Ms / engineStats.p50Ms) * 10) / 10
          : null;
      const speedupAtLeast =
        warehouseTimedOut && !("error" in engineStats) ? Math.round(options.warehouseTimeoutMs / engineStats.p50Ms) : null;
      queries.push({ name: query.name, sql, engine: engineStats, warehouse: warehouseStats, speedup, speedupAtLeast, sameAnswer });
    }

    log(`measuring freshness over ${options.freshnessSamples} samples`);
    const freshness = await attempt("freshness", () =>
      measureFreshness({ brokers, topic: tables.purchases, engine, samples: options.freshnessSamples, log }),
    );
    const memoryAfter = engineChild.memory();

    const result: BenchResult = {
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      options: {
        messages: options.messages,
        requests: options.requests,
        seed: options.seed,
        runs: options.runs,
        freshnessSamples: options.freshnessSamples,
        skipWarehouse: options.skipWarehouse,
      },
      machine: machineInfo({ kafkaDescription: stack.kafkaDescription, warehouseVersion }),
      engineSettings: {
        memoryLimit: config.engine.memoryLimit,
        threads: config.engine.threads,
        maxRows: config.engine.maxRows,
        queryTimeoutMs: config.engine.queryTimeoutMs,
      },
      load: {
        kafka: {
          purchasesMs: Math.round(producedPurchases.elapsedMs),
          requestsMs: Math.round(producedRequests.elapsedMs),
          purchasesPerS: Math.round(producedPurchases.produced / (producedPurchases.elapsedMs / 1000)),
          requestsPerS: Math.round(producedRequests.produced / Math.max(producedRequests.elapsedMs / 1000, 0.001)),
        },
        warehouse: warehouse
          ? { ms: Math.round(warehouse.loadMs), method: warehouse.method, rowsPerS: Math.round(ingestedTarget / (warehouse.loadMs / 1000)) }
          : null,
      },
      ingest: {
        messages: caughtUp.ingestedMessages,
        engineMs: Math.round(caughtUp.ms),
        messagesPerS: Math.round(caughtUp.ingestedMessages / (caughtUp.ms / 1000)),
        fromSpawnMs: Math.round(fromSpawnMs),
      },
      queries,
      freshness,
      memory: { rssAfterCatchUpBytes, rssAfterQueriesBytes: memoryAfter.rssBytes, peakRssBytes: memoryAfter.peakRssBytes },
      targets: [],
    };
    result.targets = evaluateTargets(result);
    const files = writeResults(result, options.resultsDir);
    process.stdout.write(`${renderMarkdown(result)}\nWritten: ${files.jsonPath}, ${files.markdownPath}\n`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
