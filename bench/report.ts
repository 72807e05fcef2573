import fs from "node:fs";
import path from "node:path";
import type { LatencyStats } from "./latency";
import type { MachineInfo } from "./machine";

/** The benchmark's results: one JSON file with everything, one short markdown table. */

export interface QueryBenchResult {
  name: string;
  sql: string;
  engine: LatencyStats | { error: string };
  warehouse: LatencyStats | { error: string } | null;
  /** Warehouse p50 / engine p50. */
  speedup: number | null;
  /** When the warehouse hit its statement limit: limit / engine p50, a lower bound of the ratio. */
  speedupAtLeast: number | null;
  /** Whether both sides returned the same rows (checked once, before timing). */
  sameAnswer: boolean | null;
}

export interface TargetResult {
  name: string;
  target: string;
  value: string;
  met: boolean | null;
}

export interface BenchResult {
  startedAt: string;
  durationS: number;
  options: { messages: number; requests: number; seed: number; runs: number; freshnessSamples: number; skipWarehouse: boolean };
  machine: MachineInfo;
  engineSettings: { memoryLimit: string; threads: number; maxRows: number; queryTimeoutMs: number };
  load: {
    kafka: { purchasesPerS: number; requestsPerS: number; purchasesMs: number; requestsMs: number };
    warehouse: { ms: number; method: string; rowsPerS: number } | null;
  };
  ingest: { messages: number; engineMs: number; messagesPerS: number; fromSpawnMs: number };
  queries: QueryBenchResult[];
  freshness: (LatencyStats & { produceAckP50Ms: number }) | { error: string };
  memory: { rssAfterCatchUpBytes: number; rssAfterQueriesBytes: number; peakRssBytes: number };
  targets: TargetResult[];
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });
const stat = (value: LatencyStats | { error: string } | null, field: "p50Ms" | "p95Ms") =>
  value === null ? "—" : "error" in value ? `error: ${value.error.slice(0, 60)}` : `${fmt(value[field])} ms`;

const ratio = (query: QueryBenchResult) =>
  query.speedup !== null ? `${fmt(query.speedup)}x` : query.speedupAtLeast !== null ? `> ${fmt(query.speedupAtLeast)}x` : "—";

export function renderMarkdown(result: BenchResult): string {
  const { machine } = result;
  const lines = [
    `# FOMO benchmark: ${fmt(result.options.messages)} purchases, ${fmt(result.options.requests)} requests`,
    "",
    `${result.startedAt}, ${fmt(result.durationS)} s. Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}, load average ${machine.loadAverage1m} at the end of the run.`,
    `Node ${machine.node}, DuckDB ${machine.duckdb}, Kafka ${machine.kafka}, warehouse ${machine.warehouse}.`,
    `Engine settings: memory limit ${result.engineSettings.memoryLimit}, ${result.engineSettings.threads} threads, row cap ${fmt(result.engineSettings.maxRows)}.`,
    "",
    "| query | engine p50 | engine p95 | warehouse p50 | warehouse p95 | warehouse / engine | same answer |",
    "|---|---|---|---|---|---|---|",
    ...result.queries.map(
      (query) =>
        `| ${query.name} | ${stat(query.engine, "p50Ms")} | ${stat(query.engine, "p95Ms")} | ${stat(query.warehouse, "p50Ms")} | ${stat(query.warehouse, "p95Ms")} | ${ratio(query)} | ${query.sameAnswer === null ? "—" : query.sameAnswer ? "yes" : "NO"} |`,
    ),
    "",
    "| measure | value |",
    "|---|---|",
    `| cold catch-up ingest | ${fmt(result.ingest.messagesPerS)} msg/s (${fmt(result.ingest.messages)} messages in ${fmt(result.ingest.engineMs / 1000)} s; ${fmt(result.ingest.fromSpawnMs / 1000)} s from process spawn) |`,
    "error" in result.freshness
      ? `| freshness | error: ${result.freshness.error} |`
      : `| freshness (produce → visible in a query) | p50 ${fmt(result.freshness.p50Ms)} ms, p99 ${fmt(result.freshness.p99Ms)} ms over ${result.freshness.runs} samples (produce ack p50 ${fmt(result.freshness.produceAckP50Ms)} ms) |`,
    `| engine RSS | ${mib(result.memory.rssAfterCatchUpBytes)} after catch-up, ${mib(result.memory.rssAfterQueriesBytes)} after queries, peak ${mib(result.memory.peakRssBytes)} |`,
    `| Kafka load (bulk produce) | ${fmt(result.load.kafka.purchasesPerS)} purchases/s, ${fmt(result.load.kafka.requestsPerS)} requests/s |`,
    result.load.warehouse
      ? `| warehouse load | ${fmt(result.load.warehouse.rowsPerS)} rows/s (${result.load.warehouse.method}, ${fmt(result.load.warehouse.ms / 1000)} s incl. indexes) |`
      : "| warehouse load | skipped |",
    "",
    "| target (at 10M purchases) | wanted | measured | met |",
    "|---|---|---|---|",
    ...result.targets.map(
      (target) => `| ${target.name} | ${target.target} | ${target.value} | ${target.met === null ? "—" : target.met ? "yes" : "no"} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

export function writeResults(result: BenchResult, resultsDir: string): { jsonPath: string; markdownPath: string } {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const base = path.join(resultsDir, `${stamp}-${result.options.messages}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, renderMarkdown(result));
  return { jsonPath: `${base}.json`, markdownPath: `${base}.md` };
}
