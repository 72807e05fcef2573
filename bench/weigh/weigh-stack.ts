import fs from "node:fs";
import path from "node:path";
import { childEnvironment } from "../../server/config";
import { killStaleProcesses } from "../../server/stack/process/pid-files";
import { runDemoCli } from "../../server/stack/testing/run-demo-cli";
import type { WeighOptions } from "./weigh-options";

export interface WeighStack {
  url: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The whole stack under its own dir and ports, with the production web app (`next build` runs
 * when the sources changed since the last build, as in `npm run demo`): page weights are only
 * meaningful on the minified, code-split production bundles, with live data flowing.
 */
export async function startWeighStack(options: WeighOptions, log: (line: string) => void): Promise<WeighStack> {
  const stackDir = path.resolve(options.stackDir);
  fs.mkdirSync(stackDir, { recursive: true });
  await killStaleProcesses(stackDir, log);
  const base = options.portBase;
  const env = childEnvironment({
    FOMO_PROFILE: "demo",
    STACK_DIR: stackDir,
    KAFKA_BROKERS: undefined,
    MYSQL_URL: undefined,
    KAFKA_PORT: `${base}092`,
    KAFKA_CONTROLLER_PORT: `${base}093`,
    WAREHOUSE_PORT: `${base}306`,
    CONTROL_PORT: `${base}100`,
    ENGINE_PORT: `${base}101`,
    SCHEMA_REGISTRY_PORT: `${base}102`,
    PORT: `${base}000`,
    FOMO_WEB_DEV: "0",
    KAFKA_HEAP: "512m",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const run = runDemoCli(env);
  const stop = async () => {
    if (run.child.exitCode === null) {
      run.child.kill("SIGINT");
      const stopped = await Promise.race([run.exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) run.child.kill("SIGKILL");
    }
    await killStaleProcesses(stackDir, log);
  };
  try {
    log(`starting the stack under ${stackDir} (web on port ${base}000; a changed app is built first, a few minutes)`);
    await run.waitForOutput("FOMO is ready", 900_000);
  } catch (error) {
    await stop();
    throw new Error(`weigh: the stack did not start: ${error instanceof Error ? error.message.slice(-3_000) : String(error)}`, {
      cause: error,
    });
  }
  return { url: `http://127.0.0.1:${base}000`, stop };
}
