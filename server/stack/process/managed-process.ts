import fs from "node:fs";
import path from "node:path";
import { fork, spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive, OWNER_MARKER_VARIABLE, signalGroup, writePidFile } from "./pid-files";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export type LaunchSpec = { kind: "spawn"; command: string; args: string[] } | { kind: "fork"; modulePath: string; execArgv: string[] };

export interface ManagedProcessOptions {
  name: string;
  launch: LaunchSpec;
  stackDir: string;
  logPath: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called once when the process exits, whatever the reason. */
  onExit?: (exit: ExitInfo) => void;
}

function describe(launch: LaunchSpec): string {
  return launch.kind === "spawn" ? [launch.command, ...launch.args].join(" ") : ["node", ...launch.execArgv, launch.modulePath].join(" ");
}

/**
 * A child process with its own log file, pid file and process group. Stopping signals the whole
 * group, so helpers it spawned (next's workers, a shell) go with it.
 */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  private stopRequested = false;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logPath: string,
    private readonly pidFile: string | undefined,
    onExit: ((exit: ExitInfo) => void) | undefined,
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        if (this.pidFile) fs.rmSync(this.pidFile, { force: true });
        onExit?.(this.exitInfo);
        resolve(this.exitInfo);
      });
    });
  }

  static start(options: ManagedProcessOptions): ManagedProcess {
    fs.mkdirSync(path.dirname(options.logPath), { recursive: true });
    const command = describe(options.launch);
    fs.appendFileSync(options.logPath, `\n=== ${new Date().toISOString()} starting: ${command}\n`);
    const logFd = fs.openSync(options.logPath, "a");
    const env = { ...options.env, [OWNER_MARKER_VARIABLE]: options.stackDir };
    let child: ChildProcess;
    try {
      child =
        options.launch.kind === "spawn"
          ? spawn(options.launch.command, options.launch.args, {
              cwd: options.cwd,
              env,
              stdio: ["ignore", logFd, logFd],
              detached: true,
            })
          : fork(options.launch.modulePath, [], {
              cwd: options.cwd,
              env,
              execArgv: options.launch.execArgv,
              stdio: ["ignore", logFd, logFd, "ipc"],
              detached: true,
            });
    } finally {
      fs.closeSync(logFd);
    }
    // A spawn error (ENOENT) arrives as an event; it is followed by "exit"-less death, so map it.
    child.once("error", (error) => {
      fs.appendFileSync(options.logPath, `failed to start: ${error.message}\n`);
      if (child.exitCode === null && child.pid === undefined) child.emit("exit", 127, null);
    });
    const pidFile = child.pid ? writePidFile(options.stackDir, options.name, child.pid, command) : undefined;
    return new ManagedProcess(options.name, child, options.logPath, pidFile, options.onExit);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  get stopping(): boolean {
    return this.stopRequested;
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid) signalGroup(pid, signal);
  }

  /** SIGTERM now, SIGKILL at `deadline` (epoch ms) if still running; resolves once it is gone. */
  async stop(deadline: number): Promise<void> {
    this.stopRequested = true;
    if (this.running) {
      this.signal("SIGTERM");
      const timer = setTimeout(() => this.signal("SIGKILL"), Math.max(0, deadline - Date.now()));
      await this.exited;
      clearTimeout(timer);
    }
    // Leftovers of the group (grandchildren) die with the group, now that the leader is gone.
    const pid = this.child.pid;
    if (pid) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // no group members left
      }
      const until = Date.now() + 1_000;
      while (isAlive(pid) && Date.now() < until) await sleep(20);
    }
  }
}
