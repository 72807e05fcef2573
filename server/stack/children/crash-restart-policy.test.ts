import { describe, expect, it } from "vitest";
import { CrashRestartPolicy } from "./crash-restart-policy";

describe("crash restart policy", () => {
  it("backs off 1 s, 2 s, 4 s … up to 10 s between restarts, and never gives up", () => {
    const policy = new CrashRestartPolicy();
    const delays = Array.from({ length: 12 }, (_, index) => policy.onCrash(index * 1_000).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it("starts the backoff over once earlier crashes are older than the window", () => {
    const policy = new CrashRestartPolicy({ windowMs: 60_000 });
    policy.onCrash(0);
    policy.onCrash(10_000);
    expect(policy.onCrash(20_000)).toEqual({ delayMs: 4_000, recentCrashes: 3, giveUp: false });
    // Two minutes later the old crashes no longer count: a service that ran fine restarts at once.
    expect(policy.onCrash(150_000)).toEqual({ delayMs: 1_000, recentCrashes: 1, giveUp: false });
  });

  it("gives up at the crash limit within the window, and not for crashes spread wider apart", () => {
    const policy = new CrashRestartPolicy({ windowMs: 60_000, giveUpAfter: 3 });
    expect(policy.onCrash(0).giveUp).toBe(false);
    expect(policy.onCrash(1_000).giveUp).toBe(false);
    expect(policy.onCrash(2_000).giveUp).toBe(true);
    const spread = new CrashRestartPolicy({ windowMs: 60_000, giveUpAfter: 3 });
    expect([0, 70_000, 140_000, 210_000].map((at) => spread.onCrash(at).giveUp)).toEqual([false, false, false, false]);
  });
});
