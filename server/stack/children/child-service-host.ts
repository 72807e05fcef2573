import { FomoError, type ErrorCode } from "../../../lib/errors";
import type { ServiceStatus } from "../../../lib/api/status";
import { childMessageSchema, type CommandMessage } from "../child/protocol";
import { ManagedProcess, type ExitInfo } from "../process/managed-process";
import { describeExit } from "../process/log-tail";
import { waitUntil } from "../process/wait-until";
import type { ChildServiceName } from "../service-names";
import { childModulePath } from "./child-modules";
import { CrashRestartPolicy, type CrashRestartPolicyOptions } from "./crash-restart-policy";
import { stickyStateKey } from "./sticky-commands";

/** A child's last status older than this means it hangs: reported unhealthy. */
export const STATUS_STALE_AFTER_MS = 5_000;
const COMMAND_TIMEOUT_MS = 10_000;

interface PendingCommand {
  resolve: (result: unknown) => void;
  reject: (error: FomoError) => void;
  timer: NodeJS.Timeout;
}

export interface ChildServiceHostOptions {
  stackDir: string;
  logPath: string;
  env: NodeJS.ProcessEnv;
  onUnexpectedExit?: (exit: ExitInfo) => void;
  /** Restart backoff after a crash (see CrashRestartPolicy); only once the service had been ready. */
  restartPolicy?: CrashRestartPolicyOptions;
  log?: (line: string) => void;
}

/**
 * The supervisor's side of one forked Node service: starts it, keeps the last status it sent,
 * forwards commands (with an id and a timeout) and tells how it is doing. A service that dies on
 * its own after it was ready is started again with backoff, and the state-setting commands it had
 * received are replayed (a stopped pipeline stays stopped). One that fails while starting is not:
 * the stack's start fails with its reason instead.
 */
export class ChildServiceHost {
  private process: ManagedProcess | undefined;
  private ready = false;
  private everReady = false;
  private stopRequested = false;
  private fatal: { code: string; message: string } | undefined;
  private lastStatus: ServiceStatus | undefined;
  private lastStatusAt = 0;
  private nextCommandId = 1;
  private readonly pending = new Map<number, PendingCommand>();
  private readonly restartPolicy: CrashRestartPolicy;
  private restartTimer: NodeJS.Timeout | undefined;
  /** Why the service is down between a crash and its restart, or why it is not restarted. */
  private crashNote: string | undefined;
  private restarts = 0;
  private lastCrashAt: number | undefined;
  /** Between a restarted child's first status and the replay of its state-setting commands. */
  private restoringState = false;
  /** When the replay finished: statuses sent before it describe the state before the replay. */
  private stateRestoredAt = 0;
  /** The last state-setting command per state key, replayed after a restart. */
  private readonly stickyCommands = new Map<string, { name: string; args: Record<string, unknown> }>();

  constructor(
    readonly name: ChildServiceName,
    private readonly options: ChildServiceHostOptions,
  ) {
    this.restartPolicy = new CrashRestartPolicy(options.restartPolicy);
  }

  get logPath(): string {
    return this.options.logPath;
  }

  /** How many times the service was started again after a crash. */
  get restartCount(): number {
    return this.restarts;
  }

  start(): void {
    this.stopRequested = false;
    this.launch();
  }

  private launch(): void {
    this.ready = false;
    this.fatal = undefined;
    this.lastStatus = undefined;
    this.process = ManagedProcess.start({
      name: this.name,
      stackDir: this.options.stackDir,
      logPath: this.options.logPath,
      env: this.options.env,
      // kafkajs 2.2 schedules a timer with a negative delay (tulios/kafkajs#1751; Node 24 warns, the
      // delay was always clamped to 1 ms): without the flag every service log starts with a false alarm.
      launch: {
        kind: "fork",
        modulePath: childModulePath(this.name),
        execArgv: ["--import", "tsx", "--disable-warning=TimeoutNegativeWarning"],
      },
      onExit: (exit) => {
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          pending.reject(new FomoError("unavailable:service", `${this.name} exited before answering command ${id}`));
        }
        this.pending.clear();
        if (this.process?.stopping || this.stopRequested) return;
        this.options.onUnexpectedExit?.(exit);
        if (this.everReady) this.scheduleRestart(exit);
      },
    });
    this.process.child.on("message", (raw) => this.receive(raw));
  }

  private scheduleRestart(exit: ExitInfo): void {
    const log = this.options.log ?? (() => undefined);
    this.lastCrashAt = Date.now();
    const decision = this.restartPolicy.onCrash(this.lastCrashAt);
    const recent = decision.recentCrashes > 1 ? ` (${decision.recentCrashes} crashes in the last 5 min)` : "";
    this.crashNote = `${this.name} ${describeExit(exit)}${recent}; restarting in ${(decision.delayMs / 1000).toFixed(0)} s. See ${this.logPath}`;
    log(this.crashNote);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopRequested) return;
      this.restarts += 1;
      this.crashNote = undefined;
      this.restoringState = true;
      this.launch();
      this.waitReady(120_000)
        .then(() => this.replayStickyCommands())
        .then(() => log(`${this.name} restarted after a crash and is ready`))
        .catch((error: unknown) =>
          log(`${this.name} did not come back after a crash: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          this.restoringState = false;
          this.stateRestoredAt = Date.now();
        });
    }, decision.delayMs);
  }

  private async replayStickyCommands(): Promise<void> {
    for (const { name, args } of this.stickyCommands.values()) await this.command(name, args);
  }

  private receive(raw: unknown): void {
    const parsed = childMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === "ready") {
      this.ready = true;
      this.everReady = true;
    } else if (message.type === "fatal") this.fatal = message.error;
    else if (message.type === "status") {
      this.lastStatus = { ...message.status, name: this.name };
      this.lastStatusAt = Date.now();
    } else {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.ok) pending.resolve(message.result ?? null);
      else {
        const code = (message.error?.code ?? "internal:command_failed") as ErrorCode;
        pending.reject(new FomoError(code.includes(":") ? code : "internal:command_failed", message.error?.message ?? "command failed"));
      }
    }
  }

  /** Why it cannot run, or undefined while it is starting or running. */
  private failure(): string | undefined {
    if (this.crashNote) return this.crashNote;
    if (this.fatal) return `failed to start: ${this.fatal.message} (see ${this.logPath})`;
    const exit = this.process?.exitInfo;
    if (exit && !this.process?.stopping) return `${this.name} ${describeExit(exit)}; see ${this.logPath}`;
    return undefined;
  }

  /** Waits until the child said "ready" and sent a first status; throws if it fails or exits first. */
  async waitReady(timeoutMs: number): Promise<void> {
    await waitUntil(async () => this.ready && this.lastStatus !== undefined, {
      what: `the ${this.name} service to start`,
      timeoutMs,
      intervalMs: 100,
      abortIf: () => {
        const failure = this.failure();
        return failure && `The ${this.name} service ${failure}`;
      },
      hint: `See ${this.logPath}.`,
    });
  }

  /** The same restart figures the broker and the warehouse report, added to every status. */
  status(now = Date.now()): ServiceStatus {
    const status = this.ownStatus(now);
    const restartMetrics = {
      restarts: this.restarts,
      lastCrashAt: this.lastCrashAt === undefined ? null : new Date(this.lastCrashAt).toISOString(),
      restarting:
        this.crashNote !== undefined ||
        this.restoringState ||
        (this.restarts > 0 && (!this.lastStatus || this.lastStatusAt < this.stateRestoredAt)),
    };
    return { ...status, metrics: { ...status.metrics, ...restartMetrics } };
  }

  private ownStatus(now: number): ServiceStatus {
    const failure = this.failure();
    if (failure) return { name: this.name, healthy: false, detail: failure, metrics: this.lastStatus?.metrics };
    if (!this.process) return { name: this.name, healthy: false, detail: "not started" };
    if (!this.lastStatus) return { name: this.name, healthy: false, detail: this.restarts > 0 ? "restarting after a crash" : "starting" };
    if (this.restoringState || this.lastStatusAt < this.stateRestoredAt)
      return { ...this.lastStatus, healthy: false, detail: "restarting after a crash: restoring its state" };
    const age = now - this.lastStatusAt;
    if (age > STATUS_STALE_AFTER_MS) {
      return {
        ...this.lastStatus,
        healthy: false,
        detail: `no status for ${Math.round(age / 1000)} s: the service may hang (see ${this.logPath})`,
      };
    }
    return this.lastStatus;
  }

  /** Sends a command over IPC and waits for the reply (FomoError from the child, or a timeout). */
  command(name: string, args: Record<string, unknown>, timeoutMs = COMMAND_TIMEOUT_MS): Promise<unknown> {
    const child = this.process?.child;
    if (!child || !this.process?.running || !child.connected) {
      return Promise.reject(new FomoError("unavailable:service", `${this.name} is not running`));
    }
    const id = this.nextCommandId++;
    const message: CommandMessage = { type: "command", id, name, args };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new FomoError("timeout:command", `${this.name} did not answer '${name}' within ${timeoutMs} ms`, { canRetry: true }));
      }, timeoutMs);
      const stickyKey = stickyStateKey(this.name, name);
      const remember = (result: unknown) => {
        if (stickyKey) this.stickyCommands.set(stickyKey, { name, args });
        resolve(result);
      };
      this.pending.set(id, { resolve: remember, reject, timer });
      child.send(message, (error) => {
        if (!error) return;
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new FomoError("unavailable:service", `could not send '${name}' to ${this.name}: ${error.message}`, { cause: error }));
      });
    });
  }

  async stop(deadline: number): Promise<void> {
    this.stopRequested = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    await this.process?.stop(deadline);
  }
}
