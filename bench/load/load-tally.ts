/**
 * What the simulated visitors saw, per phase: latencies of `/api/query` per side, responses by
 * kind, and every failure that is not a rate limit (the goal is none).
 */
export class LoadTally {
  readonly latencyMs = { warehouse: [] as number[], kafka: [] as number[] };
  /** Query errors the SQL itself explains (a table that does not exist on the warehouse is part of the story). */
  expectedSqlErrors = 0;
  rateLimited = 0;
  readonly errors = new Map<string, number>();
  sseEvents = 0;
  sseOpened = 0;
  pageRequests = 0;
  /**
   * Per query of the lab mix and side: the latency the visitor saw and the backend's own
   * `elapsedMs` (what is left is the web server's queueing and work), to show what makes the tail.
   */
  readonly byQuery = new Map<string, { seenMs: number[]; backendMs: number[] }>();

  queryTiming(label: string, seenMs: number, backendMs: number | undefined): void {
    const timing = this.byQuery.get(label) ?? { seenMs: [], backendMs: [] };
    timing.seenMs.push(seenMs);
    if (backendMs !== undefined) timing.backendMs.push(backendMs);
    this.byQuery.set(label, timing);
  }

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  get errorCount(): number {
    let sum = 0;
    for (const count of this.errors.values()) sum += count;
    return sum;
  }
}
