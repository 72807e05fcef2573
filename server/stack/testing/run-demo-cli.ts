import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../repo-root";

export interface DemoCliRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once the output contains `text` (rejects if the process exits first or after `timeoutMs`). */
  waitForOutput(text: string, timeoutMs: number): Promise<void>;
}

/** Runs `server/stack/demo-cli.ts` as a real process with exactly `env` (tests of the supervisor). */
export function runDemoCli(env: NodeJS.ProcessEnv, args: string[] = []): DemoCliRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "server", "stack", "demo-cli.ts"), ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitForOutput(text, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) done(undefined);
        };
        const timer = setTimeout(() => done(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
        const done = (error: Error | undefined) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        listeners.add(check);
        void exited.then((code) =>
          done(output.includes(text) ? undefined : new Error(`exited (${code}) before "${text}"; output:\n${output}`)),
        );
        check();
      });
    },
  };
}
