import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const childEntry = path.join(import.meta.dirname, "sink-child.ts");

export interface SinkProcess {
  child: ChildProcess;
  /** Its stdout and stderr lines so far. */
  output: string[];
  exited: Promise<void>;
}

/** The sink as a real child process (testing/sink-child.ts), so a test can kill -9 it. */
export function spawnSinkProcess(settings: Record<string, unknown>, cleanups: Array<() => Promise<void>>): SinkProcess {
  const child = spawn(process.execPath, ["--import", "tsx", childEntry, JSON.stringify(settings)], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return { child, output, exited };
}
