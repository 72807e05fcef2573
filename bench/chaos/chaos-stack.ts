import fs from "node:fs";
import path from "node:path";
import { stackStatusSchema, type ServiceStatus, type StackStatus } from "../../lib/api/status";
import { childEnvironment } from "../../server/config";
import { createEngineClient, type EngineClient } from "../../server/query/engine-client";
import { kafkaPaths } from "../../server/stack/kafka/kafka-paths";
import { isAlive, killStaleProcesses, readPidRecords } from "../../server/stack/process/pid-files";
import { REPO_ROOT } from "../../server/stack/repo-root";
import { runDemoCli, type DemoCliRun } from "../../server/stack/testing/run-demo-cli";
import { warehouseSocketPath } from "../../server/stack/warehouse/warehouse-paths";
import { PRIVATE_SERVER_ADMIN_USER } from "../../server/warehouse/connection-options";
import type { ConnectionOptions } from "mysql2";

/**
 * The whole FOMO stack run by its own supervisor (`npm run demo`'s code, as a real process) on the
 * suite's own stack dir and ports, so that the suite kills exactly what a presenter's machine runs
 * and watches the supervisor bring it back. Never the demo's or the tests' dirs or ports.
 */
export interface ChaosStackOptions {
  stackDir: string;
  ports: {
    kafka: number;
    kafkaController: number;
    warehouse: number;
    control: number;
    engine: number;
    schemaRegistry: number;
    web: number;
  };
  flushIntervalMs: number;
  generatorRate: number;
  generatorBacklog: number;
  seed: number;
  log: (line: string) => void;
}

export interface ChaosStack {
  stackDir: string;
  brokers: string[];
  dlqTopic: string;
  database: string;
  flushIntervalMs: number;
  engine: EngineClient;
  warehouseAdmin: ConnectionOptions;
  status(): Promise<StackStatus>;
  service(name: string): Promise<ServiceStatus | undefined>;
  command(service: string, command: string, args?: Record<string, unknown>): Promise<unknown>;
  /** The recorded pid of a service's process (kafka, warehouse, generator, connector, engine). */
  pidOf(name: string): number | undefined;
  /** kill -9 the service's process; returns the pid it killed. */
  kill(name: string, signal?: NodeJS.Signals): number;
  /** Resolves once a process other than `oldPid` runs the service (healthy or not yet). */
  waitNewProcess(name: string, oldPid: number, timeoutMs: number): Promise<number>;
  /** Resolves once a process other than `oldPid` runs the service and the supervisor reports it healthy. */
  waitBack(name: string, oldPid: number, timeoutMs: number): Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reuses Kafka jars another stack dir of this checkout already fetched (no Maven run). */
function shareFetchedJars(stackDir: string): void {
  const libs = kafkaPaths(stackDir).libs;
  if (fs.existsSync(libs)) return;
  for (const candidate of [".stack", ".stack-test", ".stack-bench", ".stack-chaos"]) {
    const other = kafkaPaths(path.join(REPO_ROOT, candidate)).libs;
    if (fs.existsSync(other) && fs.readdirSync(other).some((name) => name.startsWith(".fetched-"))) {
      fs.mkdirSync(path.dirname(libs), { recursive: true });
      fs.symlinkSync(other, libs);
      return;
    }
  }
}

export async function startChaosStack(options: ChaosStackOptions): Promise<ChaosStack> {
  const stackDir = path.resolve(options.stackDir);
  fs.mkdirSync(stackDir, { recursive: true });
  shareFetchedJars(stackDir);
  // A run that was itself killed leaves its processes: they carry this stack dir's marker.
  await killStaleProcesses(stackDir, options.log);
  const { ports } = options;
  const dlqTopic = "purchases-dlq";
  const env = childEnvironment({
    FOMO_PROFILE: "demo",
    STACK_DIR: stackDir,
    KAFKA_BROKERS: undefined,
    MYSQL_URL: undefined,
    KAFKA_PORT: String(ports.kafka),
    KAFKA_CONTROLLER_PORT: String(ports.kafkaController),
    WAREHOUSE_PORT: String(ports.warehouse),
    CONTROL_PORT: String(ports.control),
    ENGINE_PORT: String(ports.engine),
    SCHEMA_REGISTRY_PORT: String(ports.schemaRegistry),
    PORT: String(ports.web),
    FOMO_SKIP_WEB: "1",
    KAFKA_HEAP: "512m",
    GENERATOR_SEED: String(options.seed),
    GENERATOR_BACKLOG: String(options.generatorBacklog),
    GENERATOR_RATE: String(options.generatorRate),
    CONNECTOR_FLUSH_INTERVAL_MS: String(options.flushIntervalMs),
    CONNECTOR_DLQ_TOPIC: dlqTopic,
    CONNECTOR_STOP_LIMIT_MS: "0",
  });
  const run: DemoCliRun = runDemoCli(env, ["--fresh"]);
  const controlUrl = `http://127.0.0.1:${ports.control}`;

  const stop = async () => {
    if (run.child.exitCode === null) {
      run.child.kill("SIGINT");
      const stopped = await Promise.race([run.exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) run.child.kill("SIGKILL");
    }
    // Whatever the supervisor did not stop (it was killed, or it hung) is swept by its pid files.
    await killStaleProcesses(stackDir, options.log);
  };

  try {
    await run.waitForOutput("FOMO is ready", 300_000);
  } catch (error) {
    await stop();
    throw new Error(`chaos: the stack did not start: ${error instanceof Error ? error.message.slice(-3_000) : String(error)}`);
  }

  const status = async (): Promise<StackStatus> => {
    const response = await fetch(`${controlUrl}/status`, { signal: AbortSignal.timeout(8_000) });
    return stackStatusSchema.parse(await response.json());
  };
  const service = async (name: string) => (await status()).services.find((candidate) => candidate.name === name);
  const pidOf = (name: string) => readPidRecords(stackDir).find((record) => record.name === name)?.pid;

  return {
    stackDir,
    brokers: [`127.0.0.1:${ports.kafka}`],
    dlqTopic,
    database: "fomo",
    flushIntervalMs: options.flushIntervalMs,
    engine: createEngineClient({ url: `http://127.0.0.1:${ports.engine}`, queryTimeoutMs: 10_000 }),
    warehouseAdmin: { socketPath: warehouseSocketPath(stackDir), user: PRIVATE_SERVER_ADMIN_USER, connectTimeout: 3_000 },
    status,
    service,
    async command(name, command, args = {}) {
      const response = await fetch(`${controlUrl}/services/${name}/commands/${command}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(20_000),
      });
      const body: unknown = await response.json();
      if (!response.ok) throw new Error(`chaos: ${name} ${command} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
    pidOf,
    kill(name, signal = "SIGKILL") {
      const pid = pidOf(name);
      if (pid === undefined || !isAlive(pid)) throw new Error(`chaos: no running ${name} process to kill (pid files in ${stackDir}/pids)`);
      process.kill(pid, signal);
      return pid;
    },
    async waitNewProcess(name, oldPid, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const pid = pidOf(name);
        if (pid !== undefined && pid !== oldPid && isAlive(pid)) return pid;
        if (Date.now() > deadline)
          throw new Error(
            `no new ${name} process within ${timeoutMs / 1000} s of killing pid ${oldPid}: the supervisor did not restart it`,
          );
        await sleep(100);
      }
    },
    async waitBack(name, oldPid, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const pid = pidOf(name);
        if (pid !== undefined && pid !== oldPid && isAlive(pid)) {
          const current = await service(name).catch(() => undefined);
          if (current?.healthy) return pid;
        }
        if (Date.now() > deadline) {
          const current = await service(name).catch(() => undefined);
          throw new Error(
            `${name} did not come back on its own within ${timeoutMs / 1000} s (pid now ${pid ?? "none"}, status: ${current ? `${current.healthy ? "healthy" : "unhealthy"}: ${current.detail}` : "no answer"})`,
          );
        }
        await sleep(250);
      }
    },
    output: () => run.output(),
    stop,
  };
}
