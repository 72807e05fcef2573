/** Timing helpers: percentiles and repeated timed runs of one query. */

export interface LatencyStats {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of already measured samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function latencyStats(samples: number[]): LatencyStats {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    runs: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
  };
}

/**
 * Runs `work` twice to warm up, then up to `runs` timed times, stopping early once `budgetMs` has
 * been spent (keeping at least three samples) so a slow warehouse cannot stall the benchmark.
 */
export async function timeRuns(work: () => Promise<unknown>, runs: number, budgetMs: number): Promise<LatencyStats> {
  await work();
  await work();
  const samples: number[] = [];
  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    await work();
    samples.push(performance.now() - begin);
    if (samples.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return latencyStats(samples);
}
