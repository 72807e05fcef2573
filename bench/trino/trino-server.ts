import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FomoError } from "../../lib/errors";
import type { TrinoEtc } from "./trino-etc";

export interface TrinoServer {
  url: string;
  pid: number;
  /** `GET /v1/info`'s version, e.g. "476". */
  version: string;
  startMs: number;
  stop(): Promise<void>;
}

const infoSchema = z.object({ nodeVersion: z.object({ version: z.string() }), starting: z.boolean() });

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 30_000))]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * Starts Trino's server class directly with the JDK (no launcher script: it needs Python and
 * writes into the install), logs to `etc.logFile`, and waits until `GET /v1/info` says it is no
 * longer starting. `stop()` sends SIGTERM (Trino shuts down gracefully), then SIGKILL after 30 s.
 */
export async function startTrinoServer(options: {
  javaPath: string;
  serverDir: string;
  etc: TrinoEtc;
  port: number;
  runDir: string;
  startTimeoutMs: number;
  log: (line: string) => void;
}): Promise<TrinoServer> {
  const startedAt = performance.now();
  const logFd = fs.openSync(options.etc.logFile, "a");
  const child = spawn(
    options.javaPath,
    [...options.etc.jvmOptions, "-cp", path.join(options.serverDir, "lib", "*"), "io.trino.server.TrinoServer"],
    { cwd: options.runDir, stdio: ["ignore", logFd, logFd] },
  );
  fs.closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A Ctrl+C or crash of this script must not leave a 1 GB JVM behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    await stopProcess(child, exited);
    process.removeListener("exit", killOnExit);
  };

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + options.startTimeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new FomoError(
        "stack:service_failed",
        `Trino exited (${exitCode}) while starting; the end of ${options.etc.logFile}:\n${tail(options.etc.logFile, 30)}`,
      );
    }
    try {
      const response = await fetch(`${url}/v1/info`, { signal: AbortSignal.timeout(2_000) });
      const info = infoSchema.safeParse(await response.json());
      if (info.success && !info.data.starting) {
        const startMs = performance.now() - startedAt;
        options.log(
          `Trino ${info.data.nodeVersion.version} answers at ${url} (started in ${(startMs / 1000).toFixed(1)} s, pid ${child.pid})`,
        );
        return { url, pid: child.pid as number, version: info.data.nodeVersion.version, startMs, stop };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  await stop();
  throw new FomoError(
    "timeout:trino",
    `Trino did not finish starting within ${options.startTimeoutMs / 1000} s; the end of ${options.etc.logFile}:\n${tail(options.etc.logFile, 30)}`,
  );
}
