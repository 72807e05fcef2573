import type { LatencyStats } from "./latency";
import type { BenchResult, TargetResult } from "./report";

/**
 * The queries the benchmark times on both sides: the seed's two, unchanged but for the table
 * names, and a selective lookup of one customer (an aggregate, so the answer is a fixed size and
 * comparable whatever N is). `{P}` / `{R}` are the purchases / requestlog tables of this run.
 */
export const BENCH_QUERIES = [
  {
    name: "seed top-3 spenders",
    sql: "SELECT customerid, sum(amount) AS total FROM {P} GROUP BY customerid ORDER BY total DESC LIMIT 3",
    ordered: true,
  },
  {
    name: "seed device mix of CU-1277",
    sql: "SELECT useragent, count(useragent) FROM {R} WHERE customerid='CU-1277' GROUP BY useragent",
    ordered: false,
  },
  {
    name: "selective: one customer",
    sql: "SELECT count(*) AS purchases, sum(amount) AS total FROM {P} WHERE customerid = 'CU-1277'",
    ordered: false,
  },
] as const;

export function withBenchTables(sql: string, tables: { purchases: string; requestlog: string }): string {
  return sql.replaceAll("{P}", tables.purchases).replaceAll("{R}", tables.requestlog);
}

const GIB = 1024 ** 3;

function p50(stats: LatencyStats | { error: string } | null | undefined): number | undefined {
  return stats && !("error" in stats) ? stats.p50Ms : undefined;
}

/** The targets (stated for 10M purchases on this 2-core machine), met or not. */
export function evaluateTargets(result: BenchResult): TargetResult[] {
  const top3 = result.queries.find((query) => query.name === BENCH_QUERIES[0].name);
  const selective = result.queries.find((query) => query.name === BENCH_QUERIES[2].name);
  const top3Engine = p50(top3?.engine);
  const selectiveEngine = p50(selective?.engine);
  const freshnessP99 = "error" in result.freshness ? undefined : result.freshness.p99Ms;
  const measured = (value: number | undefined, unit: string) =>
    value === undefined ? "not measured" : `${value.toLocaleString("en-US")} ${unit}`;
  const check = (value: number | undefined, ok: (v: number) => boolean) => (value === undefined ? null : ok(value));
  return [
    { name: "seed top-3 engine p50", target: "≤ 300 ms", value: measured(top3Engine, "ms"), met: check(top3Engine, (v) => v <= 300) },
    {
      name: "seed top-3 warehouse / engine",
      target: "≥ 10x",
      value: top3?.speedup != null ? `${top3.speedup}x` : top3?.speedupAtLeast != null ? `> ${top3.speedupAtLeast}x` : "not measured",
      met: top3?.speedup != null ? top3.speedup >= 10 : top3?.speedupAtLeast != null ? top3.speedupAtLeast >= 10 : null,
    },
    {
      name: "selective engine p50",
      target: "≤ 100 ms",
      value: measured(selectiveEngine, "ms"),
      met: check(selectiveEngine, (v) => v <= 100),
    },
    { name: "freshness p99", target: "≤ 1,000 ms", value: measured(freshnessP99, "ms"), met: check(freshnessP99, (v) => v <= 1_000) },
    {
      name: "cold catch-up ingest",
      target: "≥ 100,000 msg/s",
      value: measured(result.ingest.messagesPerS, "msg/s"),
      met: result.ingest.messagesPerS >= 100_000,
    },
    {
      name: "engine peak RSS",
      target: "≤ 2 GiB",
      value: `${Math.round(result.memory.peakRssBytes / 1024 ** 2).toLocaleString("en-US")} MiB`,
      met: result.memory.peakRssBytes <= 2 * GIB,
    },
  ];
}
