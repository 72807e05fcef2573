import fs from "node:fs";
import path from "node:path";
import { childEnvironment } from "../../server/config";
import { createEngineClient, type EngineClient } from "../../server/query/engine-client";
import { kafkaPaths } from "../../server/stack/kafka/kafka-paths";
import { killStaleProcesses } from "../../server/stack/process/pid-files";
import { REPO_ROOT } from "../../server/stack/repo-root";
import { freePort } from "../../server/stack/testing/free-port";
import { runDemoCli } from "../../server/stack/testing/run-demo-cli";
import { warehouseSocketPath } from "../../server/stack/warehouse/warehouse-paths";
import { PRIVATE_SERVER_ADMIN_USER } from "../../server/warehouse/connection-options";
import type { ConnectionOptions } from "mysql2";

/**
 * The whole stack for `npm run load`, web app included, run by its own supervisor (`npm run
 * demo`'s code as a real process) on `.stack-load` and free ports, test profile (its build dir),
 * in hosted mode when invitations exist on this checkout.
 */
export interface LoadStack {
  webUrl: string;
  engineUrl: string;
  brokers: string[];
  engine: EngineClient;
  warehouseAdmin: ConnectionOptions;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reuses Kafka jars another stack dir of this checkout already fetched (no Maven run). */
function shareFetchedJars(stackDir: string): void {
  const libs = kafkaPaths(stackDir).libs;
  if (fs.existsSync(libs)) return;
  for (const candidate of [".stack", ".stack-test", ".stack-e2e", ".stack-bench", ".stack-chaos"]) {
    const other = kafkaPaths(path.join(REPO_ROOT, candidate)).libs;
    if (fs.existsSync(other) && fs.readdirSync(other).some((name) => name.startsWith(".fetched-"))) {
      fs.mkdirSync(path.dirname(libs), { recursive: true });
      fs.symlinkSync(other, libs);
      return;
    }
  }
}

/**
 * `brokers`: an existing Kafka (KAFKA_BROKERS) instead of the stack's own broker, for a machine so
 * loaded that the embedded broker cannot start within the supervisor's 90 s.
 */
export async function startLoadStack(options: {
  hosted: boolean;
  brokers: string[] | undefined;
  log: (line: string) => void;
}): Promise<LoadStack> {
  const stackDir = path.join(REPO_ROOT, ".stack-load");
  fs.mkdirSync(stackDir, { recursive: true });
  shareFetchedJars(stackDir);
  await killStaleProcesses(stackDir, options.log);
  const ports = {
    kafka: await freePort(),
    controller: await freePort(),
    warehouse: await freePort(),
    web: await freePort(),
    control: await freePort(),
    engine: await freePort(),
    schemaRegistry: await freePort(),
  };
  const env = childEnvironment({
    FOMO_PROFILE: "test",
    STACK_DIR: stackDir,
    KAFKA_BROKERS: options.brokers?.join(","),
    MYSQL_URL: undefined,
    KAFKA_PORT: String(ports.kafka),
    KAFKA_CONTROLLER_PORT: String(ports.controller),
    WAREHOUSE_PORT: String(ports.warehouse),
    CONTROL_PORT: String(ports.control),
    ENGINE_PORT: String(ports.engine),
    SCHEMA_REGISTRY_PORT: String(ports.schemaRegistry),
    PORT: String(ports.web),
    FOMO_SKIP_WEB: undefined,
    FOMO_WEB_DEV: undefined,
    FOMO_HOSTED: options.hosted ? "1" : undefined,
    KAFKA_HEAP: "512m",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const run = runDemoCli(env, ["--fresh"]);
  const stop = async () => {
    if (run.child.exitCode === null) {
      run.child.kill("SIGINT");
      const stopped = await Promise.race([run.exited.then(() => true), sleep(25_000).then(() => false)]);
      if (!stopped) run.child.kill("SIGKILL");
    }
    await killStaleProcesses(stackDir, options.log);
  };
  try {
    await run.waitForOutput("FOMO is ready", 600_000);
  } catch (error) {
    await stop();
    throw new Error(`load: the stack did not start: ${error instanceof Error ? error.message.slice(-3_000) : String(error)}`);
  }
  const engineUrl = `http://127.0.0.1:${ports.engine}`;
  return {
    webUrl: `http://127.0.0.1:${ports.web}`,
    engineUrl,
    brokers: options.brokers ?? [`127.0.0.1:${ports.kafka}`],
    engine: createEngineClient({ url: engineUrl, queryTimeoutMs: 10_000 }),
    warehouseAdmin: { socketPath: warehouseSocketPath(stackDir), user: PRIVATE_SERVER_ADMIN_USER, connectTimeout: 3_000 },
    env,
    stop,
  };
}
