/**
 * Measures cold catch-up ingest of one existing topic (e.g. filled by
 * `npx tsx server/generator/bulk-cli.ts --count 1000000 --target-topic dev-perf-1m`):
 * wall clock, process CPU seconds (JS + DuckDB threads), RSS, then the seed top-3 and a
 * selective query (p50 of 5). Usage: npx tsx server/engine/perf/cold-ingest.ts <topic> [brokers]
 */
import { createKafkaSqlEngine } from "../kafka-sql-engine";

const topic = process.argv[2];
if (!topic) throw new Error("usage: cold-ingest.ts <topic> [brokers]");
const brokers = (process.argv[3] ?? "127.0.0.1:19092").split(",");

const cpuStart = process.cpuUsage();
const started = performance.now();
const engine = await createKafkaSqlEngine({ brokers, topicFilter: (name) => name === topic, memoryLimit: "2GB", queryTimeoutMs: 60_000 });
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
await engine.waitForCaughtUp(3_600_000);
const wallS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuS = (cpu.user + cpu.system) / 1e6;
const health = await engine.health();
const messages = health.ingestedMessages;

/** Wall p50 and mean process CPU (JS + DuckDB threads) of `runs` runs: CPU is what a shared machine cannot distort. */
async function measure(sql: string): Promise<{ p50: number; cpuMs: number }> {
  const runs = 9;
  const times: number[] = [];
  await engine.query(sql);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await engine.query(sql);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpuBefore);
  return {
    p50: Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 1000 / runs),
  };
}
const seed = await measure(`SELECT customerid, SUM(amount) AS total FROM "${topic}" GROUP BY customerid ORDER BY total DESC LIMIT 3`);
const selective = await measure(`SELECT count(*), sum(amount) FROM "${topic}" WHERE customerid = 'CU-1277'`);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    topic,
    messages,
    corrupt: health.corruptMessages,
    wallS: Math.round(wallS * 10) / 10,
    messagesPerSecondWall: Math.round(messages / wallS),
    cpuS: Math.round(cpuS * 10) / 10,
    cpuSecondsPerMillion: Math.round((cpuS / messages) * 1e6 * 100) / 100,
    messagesPerCpuSecond: Math.round(messages / cpuS),
    peakRssMB: Math.round(peakRss / 2 ** 20),
    rssAfterQueriesMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    seedTop3P50Ms: seed.p50,
    seedTop3CpuMs: seed.cpuMs,
    selectiveP50Ms: selective.p50,
    selectiveCpuMs: selective.cpuMs,
  }),
);
await engine.close();
