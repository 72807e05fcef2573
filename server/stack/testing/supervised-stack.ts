import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { childEnvironment } from "../../config";
import { kafkaPaths } from "../kafka/kafka-paths";
import { killStaleProcesses, readPidRecords } from "../process/pid-files";
import { freePort } from "./free-port";
import { runDemoCli, type DemoCliRun } from "./run-demo-cli";
import { testStack } from "./test-stack";

/**
 * What the supervisor's tests share: `npm run demo` as a real process on its own ports and a
 * temporary stack dir (reusing the test stack's Kafka jars), its `/status`, and the cleanup that
 * stops whatever a failed test left running.
 */
export class SupervisedStacks {
  private readonly tempDirs: string[] = [];
  private readonly runs: DemoCliRun[] = [];

  tempStackDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-supervisor-test-"));
    this.tempDirs.push(dir);
    return dir;
  }

  /** A stack dir that reuses the test stack's downloaded Kafka jars instead of fetching them again. */
  stackDirWithSharedJars(): string {
    const stackDir = this.tempStackDir();
    const sharedLibs = kafkaPaths(testStack().stackDir).libs;
    if (fs.existsSync(sharedLibs)) {
      fs.mkdirSync(kafkaPaths(stackDir).home, { recursive: true });
      fs.symlinkSync(sharedLibs, kafkaPaths(stackDir).libs);
    }
    return stackDir;
  }

  start(env: Record<string, string | undefined>): DemoCliRun & { stackDir: string } {
    const run = runDemoCli(childEnvironment({ FOMO_PROFILE: "test", KAFKA_BROKERS: undefined, MYSQL_URL: undefined, ...env }));
    this.runs.push(run);
    return { ...run, stackDir: env.STACK_DIR ?? "" };
  }

  track(run: DemoCliRun): void {
    this.runs.push(run);
  }

  /** Stops a run as a user would (SIGINT), so the supervisor stops its broker and warehouse, then sweeps the pid files. */
  async cleanUp(): Promise<void> {
    for (const run of this.runs) {
      if (run.child.exitCode !== null) continue;
      run.child.kill("SIGINT");
      const stopped = await Promise.race([
        run.exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
      ]);
      if (!stopped) {
        run.child.kill("SIGKILL");
        await run.exited;
      }
    }
    for (const dir of this.tempDirs) {
      await killStaleProcesses(dir, () => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function ownPorts() {
  return {
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    WAREHOUSE_PORT: String(await freePort()),
    CONTROL_PORT: String(await freePort()),
    ENGINE_PORT: String(await freePort()),
    SCHEMA_REGISTRY_PORT: String(await freePort()),
    PORT: String(await freePort()),
  };
}

const serviceStatusSchema = z.object({
  name: z.string(),
  healthy: z.boolean(),
  detail: z.string(),
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
});
const controlStatusSchema = z.object({ services: z.array(serviceStatusSchema) });
export type TestServiceStatus = z.infer<typeof serviceStatusSchema>;

export async function serviceStatus(controlPort: string, name: string): Promise<TestServiceStatus | undefined> {
  const response = await fetch(`http://127.0.0.1:${controlPort}/status`);
  return controlStatusSchema.parse(await response.json()).services.find((service) => service.name === name);
}

/** Polls `probe` until it returns a value (errors count as "not yet"). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The pid of a service from its pid file (`<stackDir>/pids/<name>.json`). */
export function recordedPid(stackDir: string, name: string): number | undefined {
  return readPidRecords(stackDir).find((record) => record.name === name)?.pid;
}
