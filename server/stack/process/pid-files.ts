import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

/**
 * Every process the supervisor starts carries this variable (value: the absolute stack dir) and
 * gets a pid file. A later run kills a recorded pid only if the live process still carries the
 * marker and has the recorded start time, so a recycled pid is never killed by mistake.
 */
export const OWNER_MARKER_VARIABLE = "FOMO_STACK_OWNER";

const pidRecordSchema = z.object({
  name: z.string(),
  pid: z.number().int().positive(),
  /** Kernel start time (clock ticks since boot, /proc/<pid>/stat field 22); null where /proc is absent. */
  startTime: z.string().nullable(),
  owner: z.string(),
  command: z.string(),
});
export type PidRecord = z.infer<typeof pidRecordSchema>;

export function pidDirectory(stackDir: string): string {
  return path.join(stackDir, "pids");
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

export function writePidFile(stackDir: string, name: string, pid: number, command: string): string {
  const dir = pidDirectory(stackDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const record: PidRecord = { name, pid, startTime: processStartTime(pid), owner: stackDir, command };
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

export function readPidRecords(stackDir: string): PidRecord[] {
  const dir = pidDirectory(stackDir);
  if (!fs.existsSync(dir)) return [];
  const records: PidRecord[] = [];
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.endsWith(".json")) continue;
    try {
      records.push(pidRecordSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, entry), "utf8"))));
    } catch {
      fs.rmSync(path.join(dir, entry), { force: true });
    }
  }
  return records;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when `record.pid` is alive and is still the very process this stack started. */
export function isRecordedProcessRunning(record: PidRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const marker = `${OWNER_MARKER_VARIABLE}=${record.owner}`;
  if (fs.existsSync("/proc/self/environ")) {
    if (record.startTime !== null && processStartTime(record.pid) !== record.startTime) return false;
    try {
      return fs.readFileSync(`/proc/${record.pid}/environ`, "utf8").split("\0").includes(marker);
    } catch {
      return false;
    }
  }
  try {
    // No /proc (macOS): `ps -E` prints the environment after the command.
    const line = execFileSync("ps", ["-wwE", "-p", String(record.pid), "-o", "command="], { encoding: "utf8" });
    return line.includes(marker);
  } catch {
    return false;
  }
}

/** Signals a process's whole group (each service runs in its own), or the process alone if it has none. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Kills what a previous run of this stack dir left behind (a supervisor killed with -9, a crashed
 * test run), verifying each pid first. Returns the names it stopped.
 */
export async function killStaleProcesses(stackDir: string, log: (line: string) => void): Promise<string[]> {
  const stopped: string[] = [];
  for (const record of readPidRecords(stackDir)) {
    if (isRecordedProcessRunning(record)) {
      log(`stopping leftover ${record.name} (pid ${record.pid})`);
      signalGroup(record.pid, "SIGTERM");
      const deadline = Date.now() + 8_000;
      while (isAlive(record.pid) && Date.now() < deadline) await sleep(100);
      if (isAlive(record.pid)) signalGroup(record.pid, "SIGKILL");
      while (isAlive(record.pid) && Date.now() < deadline + 2_000) await sleep(50);
      stopped.push(record.name);
    }
    fs.rmSync(path.join(pidDirectory(stackDir), `${record.name}.json`), { force: true });
  }
  return stopped;
}
