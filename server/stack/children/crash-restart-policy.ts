/**
 * When a child service that was running dies on its own (kill -9, an out-of-memory kill, a bug),
 * the supervisor starts it again, as a service manager with `Restart=always` would: the connector
 * resumes from the warehouse's offsets and the engine re-ingests, so nothing is lost. Restarts back
 * off with the number of crashes within `windowMs` (1 s, 2 s, 4 s … `maxDelayMs`), so a service
 * that keeps dying costs little, and it is never given up on: a presenter who kills the connector
 * ten times in a row still gets a pipeline that catches up.
 */
export interface CrashRestartPolicyOptions {
  windowMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Crashes within the window after which restarting stops (unset: never). The broker and the
   * warehouse server use it: one that dies this often has a cause a restart cannot fix (a full
   * disk, a corrupt data dir), and status must say so rather than restart it forever.
   */
  giveUpAfter?: number;
}

export interface RestartDecision {
  delayMs: number;
  /** Crashes within the window, this one included. */
  recentCrashes: number;
  /** True when `giveUpAfter` is reached: do not restart. */
  giveUp: boolean;
}

export class CrashRestartPolicy {
  private readonly crashTimes: number[] = [];
  private readonly windowMs: number;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly giveUpAfter: number;

  constructor(options: CrashRestartPolicyOptions = {}) {
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.firstDelayMs = options.firstDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.giveUpAfter = options.giveUpAfter ?? Number.POSITIVE_INFINITY;
  }

  get windowMinutes(): number {
    return Math.round(this.windowMs / 60_000);
  }

  /** Records a crash at `now` and says how long to wait before starting the service again. */
  onCrash(now = Date.now()): RestartDecision {
    this.crashTimes.push(now);
    while (this.crashTimes.length > 0 && now - this.crashTimes[0]! > this.windowMs) this.crashTimes.shift();
    const recentCrashes = this.crashTimes.length;
    const delayMs = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (recentCrashes - 1));
    return { delayMs, recentCrashes, giveUp: recentCrashes >= this.giveUpAfter };
  }
}
