import type { ServiceStatus } from "../../../lib/api/status";
import { CrashRestartPolicy, type CrashRestartPolicyOptions } from "../children/crash-restart-policy";
import { describeExit } from "../process/log-tail";
import type { ExitInfo, ManagedProcess } from "../process/managed-process";

/** What a start of the broker or the warehouse server hands back. */
export interface InfraInstance {
  process: ManagedProcess;
  stop(deadline?: number): Promise<void>;
}

export interface InfraStartHooks {
  /** Must be passed on to the start function: it fires when the process dies on its own. */
  onUnexpectedExit: (exit: ExitInfo) => void;
  onSpawn: (process: ManagedProcess) => void;
}

export interface RestartingInfraServiceOptions<T extends InfraInstance> {
  name: "kafka" | "warehouse";
  logPath: string;
  /** Starts the process on the same data dir and resolves once it is ready. */
  start(hooks: InfraStartHooks): Promise<T>;
  policy?: CrashRestartPolicyOptions;
  log: (line: string) => void;
}

/**
 * Crashes of the broker or the warehouse server within 5 minutes after which restarting stops. A
 * chaos run kills the broker about four times in a few minutes; more than this means a cause a
 * restart cannot fix (a full disk, a corrupt data dir), and the status says so.
 */
export const INFRA_GIVE_UP_AFTER_CRASHES = 8;

/**
 * The broker or the warehouse server, kept running like a service manager's `Restart=always`:
 * a process that dies on its own after it was ready is started again on the same data dir (the
 * start functions never reformat Kafka storage or re-initialise a data dir that exists), with
 * backoff, until a crash limit; a failed restart counts as another crash. Its status says what
 * happened and when the next try is.
 */
export class RestartingInfraService<T extends InfraInstance> {
  private current: T | undefined;
  /** The process of a start still in flight, so `stop()` can end it too. */
  private spawning: ManagedProcess | undefined;
  private readonly policy: CrashRestartPolicy;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private restarts = 0;
  private crashes = 0;
  private lastCrashAt: number | undefined;
  private lastCrash: string | undefined;
  /** The number of the next restart try of the current recovery (0: running). */
  private attempt = 0;
  private nextTryAt: number | undefined;
  private gaveUp: string | undefined;

  private constructor(private readonly options: RestartingInfraServiceOptions<T>) {
    this.policy = new CrashRestartPolicy({ giveUpAfter: INFRA_GIVE_UP_AFTER_CRASHES, ...options.policy });
  }

  /** The first start: its failure is the stack's failure (not retried). */
  static async start<T extends InfraInstance>(options: RestartingInfraServiceOptions<T>): Promise<RestartingInfraService<T>> {
    const service = new RestartingInfraService(options);
    service.current = await service.launch();
    return service;
  }

  get instance(): T | undefined {
    return this.current;
  }

  private async launch(): Promise<T> {
    let live = false;
    let diedEarly: ExitInfo | undefined;
    const instance = await this.options.start({
      onSpawn: (process) => {
        this.spawning = process;
      },
      onUnexpectedExit: (exit) => {
        if (live) this.onCrash(exit, instance);
        else diedEarly = exit;
      },
    });
    this.spawning = undefined;
    live = true;
    // Died between "ready" and here: the exit event came before `live` was set.
    if (diedEarly && !instance.process.running) this.onCrash(diedEarly, instance);
    return instance;
  }

  private onCrash(exit: ExitInfo, instance: T): void {
    if (this.stopped || this.current !== instance) return;
    this.current = undefined;
    this.recordCrash(describeExit(exit));
  }

  private recordCrash(what: string): void {
    const { name, log, logPath } = this.options;
    this.crashes += 1;
    this.lastCrashAt = Date.now();
    this.lastCrash = what;
    const decision = this.policy.onCrash(this.lastCrashAt);
    if (decision.giveUp) {
      this.attempt = 0;
      this.nextTryAt = undefined;
      this.gaveUp = `${name} ${what}; not restarted: ${decision.recentCrashes} crashes within ${this.policy.windowMinutes} min. Read ${logPath}, then restart the demo`;
      log(this.gaveUp);
      return;
    }
    this.attempt += 1;
    this.nextTryAt = this.lastCrashAt + decision.delayMs;
    log(`${name} ${what}; restarting in ${(decision.delayMs / 1000).toFixed(0)} s (attempt ${this.attempt}). See ${logPath}`);
    this.timer = setTimeout(() => void this.restart(), decision.delayMs);
  }

  private async restart(): Promise<void> {
    this.timer = undefined;
    this.nextTryAt = undefined;
    if (this.stopped) return;
    const startedAt = Date.now();
    try {
      const instance = await this.launch();
      if (this.stopped) {
        await instance.stop(Date.now() + 3_000);
        return;
      }
      this.current = instance;
      this.restarts += 1;
      this.attempt = 0;
      this.options.log(`${this.options.name} restarted after a crash and is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    } catch (error) {
      this.spawning = undefined;
      if (this.stopped) return;
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      this.recordCrash(`failed to restart (${message})`);
    }
  }

  /**
   * Restart figures for `/status` (`restarts`, `crashes`, `lastCrashAt`, `restarting`), and the
   * status itself while the process is down: restarting or given up.
   */
  status(probe: () => Promise<ServiceStatus>, now = Date.now()): Promise<ServiceStatus> | ServiceStatus {
    const metrics = {
      restarts: this.restarts,
      crashes: this.crashes,
      lastCrashAt: this.lastCrashAt === undefined ? null : new Date(this.lastCrashAt).toISOString(),
      restarting: this.current === undefined && !this.gaveUp && !this.stopped,
      restartAttempt: this.attempt,
    };
    const { name } = this.options;
    if (this.gaveUp) return { name, healthy: false, detail: this.gaveUp, metrics };
    if (this.current === undefined) {
      const next =
        this.nextTryAt === undefined ? "starting again now" : `next try in ${Math.max(0, Math.ceil((this.nextTryAt - now) / 1000))} s`;
      const detail = `restarting after a crash (${this.lastCrash ?? "exited"}), attempt ${this.attempt}, ${next}; ${this.crashes} crash${this.crashes === 1 ? "" : "es"} so far. See ${this.options.logPath}`;
      return { name, healthy: false, detail, metrics };
    }
    return probe().then((status) => ({ ...status, metrics: { ...status.metrics, ...metrics } }));
  }

  /** Stops the running process, a start in flight, and any pending restart, by `deadline`. */
  async stop(deadline: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all([this.current?.stop(deadline), this.spawning?.stop(deadline)]);
  }
}
