import fs from "node:fs";
import path from "node:path";
import { latencyStats, type LatencyStats } from "../latency";
import type { MachineInfo } from "../machine";
import type { LoadTally } from "./load-tally";
import type { ServerRates } from "./server-counters";

export interface PhaseResult {
  name: string;
  step5Visitors: number;
  labVisitors: number;
  durationS: number;
  tally: LoadTally;
  rates: ServerRates;
  /** CPU the load driver itself used, in % of one core. */
  driverCpuPercent: number;
}

export interface LoadResult {
  startedAt: string;
  durationS: number;
  access: { mode: string; note: string };
  machine: MachineInfo;
  captured: { method: string; path: string }[];
  phases: PhaseResult[];
  freshness: (LatencyStats & { failures: number }) | null;
  goals: string[];
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "—");

function phaseRow(phase: PhaseResult): string {
  const side = (name: "warehouse" | "kafka") => latencyStats(phase.tally.latencyMs[name]);
  const w = side("warehouse");
  const k = side("kafka");
  const errors = [...phase.tally.errors.entries()].map(([kind, count]) => `${count}× ${kind}`).join(", ") || "0";
  return `| ${phase.name} | ${phase.step5Visitors} + ${phase.labVisitors} | ${phase.durationS} | ${errors} | ${phase.tally.rateLimited} | ${w.runs}: ${ms(w.p50Ms)} / ${ms(w.p99Ms)} | ${k.runs}: ${ms(k.p50Ms)} / ${ms(k.p99Ms)} | ${phase.rates.engineQueriesPerS} (+${phase.rates.engineCatalogsPerS} catalogs) | ${phase.rates.warehouseSelectsPerS} | ${phase.tally.sseOpened} / ${phase.tally.sseEvents} | ${phase.driverCpuPercent}% |`;
}

/** The lab's queries of one phase, slowest p99 first: which queries make the tail, and where their time goes. */
function queryRows(phase: PhaseResult): string[] {
  const rows = [...phase.tally.byQuery.entries()].map(([label, timing]) => ({
    label,
    seen: latencyStats(timing.seenMs),
    backend: timing.backendMs.length > 0 ? latencyStats(timing.backendMs) : undefined,
  }));
  rows.sort((a, b) => b.seen.p99Ms - a.seen.p99Ms);
  return [
    `| ${phase.name}: query | n | seen p50 / p99 / max | backend elapsedMs p50 / p99 |`,
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.seen.runs} | ${ms(row.seen.p50Ms)} / ${ms(row.seen.p99Ms)} / ${ms(row.seen.maxMs)} | ${row.backend ? `${ms(row.backend.p50Ms)} / ${ms(row.backend.p99Ms)}` : "—"} |`,
    ),
    "",
  ];
}

export function renderLoadMarkdown(result: LoadResult): string {
  const m = result.machine;
  return [
    `# npm run load: ${result.startedAt}`,
    "",
    `${result.startedAt}, ${result.durationS} s. Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, load average ${m.loadAverage1m} at the end of the run.`,
    `Node ${m.node}, DuckDB ${m.duckdb}, Kafka ${m.kafka}, warehouse ${m.warehouse}.`,
    "",
    `Access: ${result.access.note}.`,
    "",
    "## Goals",
    "",
    ...result.goals.map((goal) => `- ${goal}`),
    "",
    "## Phases",
    "",
    "Visitors: step 5 (each holds `GET /api/live` and made the page's requests once) + /lab (ad-hoc `POST /api/query`, 1–3 s think time).",
    "Queries per second from the engine's own counter (`queriesReceived`) and MariaDB's `Com_select` deltas over the phase (both include the connector, status probes and the freshness sampler, the same in every phase).",
    "",
    "| phase | visitors | s | errors (not rate limits) | rate limited | warehouse /api/query n: p50 / p99 | Kafka /api/query n: p50 / p99 | engine queries/s | warehouse SELECT/s | streams opened / events | driver CPU |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...result.phases.map(phaseRow),
    "",
    "## The lab's queries (what makes the tail)",
    "",
    ...result.phases.flatMap(queryRows),
    "## Engine freshness under load (200-visitor phase)",
    "",
    result.freshness
      ? `${result.freshness.runs} markers: p50 ${ms(result.freshness.p50Ms)}, p99 ${ms(result.freshness.p99Ms)}, max ${ms(result.freshness.maxMs)} from produce to the first engine query that sees it; ${result.freshness.failures} not seen within 30 s.`
      : "not measured",
    "",
    "## Requests of one step 5 visit (captured in Chromium, replayed by every simulated visitor)",
    "",
    ...result.captured.map((request) => `- ${request.method} ${request.path}`),
    "",
  ].join("\n");
}

export function writeLoadResult(result: LoadResult, resultsDir: string): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const file = path.join(resultsDir, `load-${stamp}.md`);
  fs.writeFileSync(file, renderLoadMarkdown(result));
  return file;
}
