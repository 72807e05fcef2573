import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";

/**
 * The parent side of bench/engine-process.ts: starts it, follows its JSON events, reads its
 * resident memory from /proc, and stops it.
 */
export interface EngineChild {
  url: string;
  pid: number;
  /** Resolves with the engine's own time from creation to caught up, and what it ingested. */
  caughtUp: Promise<{ ms: number; ingestedMessages: number }>;
  memory(): { rssBytes: number; peakRssBytes: number };
  stop(): Promise<void>;
}

type EngineEvent =
  { event: "started"; ms: number } | { event: "listening"; port: number } | { event: "caught_up"; ms: number; ingestedMessages: number };

function readMemory(pid: number): { rssBytes: number; peakRssBytes: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { rssBytes: kib("VmRSS"), peakRssBytes: kib("VmHWM") };
}

export async function startEngineChild(options: {
  brokers: string[];
  topicPrefix: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<EngineChild> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "bench/engine-process.ts", JSON.stringify({ brokers: options.brokers, topicPrefix: options.topicPrefix })],
    { stdio: ["ignore", "pipe", "inherit"], env: options.env },
  );
  const events = readline.createInterface({ input: child.stdout! });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => reject(new Error(`the engine process exited (${signal ?? code})`))),
  );
  exited.catch(() => undefined);

  let resolveCaughtUp: (value: { ms: number; ingestedMessages: number }) => void = () => undefined;
  const caughtUp = new Promise<{ ms: number; ingestedMessages: number }>((resolve) => (resolveCaughtUp = resolve));
  const listening = new Promise<number>((resolve) => {
    events.on("line", (line) => {
      let event: EngineEvent;
      try {
        event = JSON.parse(line) as EngineEvent;
      } catch {
        options.log(`engine: ${line}`);
        return;
      }
      if (event.event === "listening") resolve(event.port);
      if (event.event === "caught_up") resolveCaughtUp(event);
    });
  });
  const port = await Promise.race([listening, exited]);
  const pid = child.pid as number;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    caughtUp: Promise.race([caughtUp, exited]),
    memory: () => readMemory(pid),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
