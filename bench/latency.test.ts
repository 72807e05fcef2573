import { describe, expect, it } from "vitest";
import { latencyStats, percentile, timeRuns } from "./latency";

describe("bench latency helpers", () => {
  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(latencyStats([3, 1, 2])).toMatchObject({ runs: 3, p50Ms: 2, minMs: 1, maxMs: 3 });
  });

  it("stops timing a slow query once its budget is spent, keeping three samples", async () => {
    let calls = 0;
    const stats = await timeRuns(
      async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
      50,
      10,
    );
    expect(stats.runs).toBe(3);
    expect(calls).toBe(5);
    expect(stats.p50Ms).toBeGreaterThanOrEqual(15);
  });
});
