import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startKafkaBroker, type KafkaBroker } from "../kafka/kafka-broker";
import { REPO_ROOT } from "../repo-root";
import { freePort } from "./free-port";
import { testStack } from "./test-stack";

/**
 * A Kafka broker of one test file's own, in a scratch dir on free ports, for tests that stop and
 * restart it: doing that to the shared test broker would disturb every other test file.
 */
export interface PrivateBroker {
  brokers: string[];
  /** Stops the broker process; its data stays, so `start()` brings the same topics back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it if running and deletes its scratch dir. */
  dispose(): Promise<void>;
}

/** Reuses jars another stack dir already fetched, so the test needs no download. */
export function shareFetchedJars(stackDir: string): void {
  for (const candidate of [testStack().stackDir, path.join(REPO_ROOT, ".stack")]) {
    const libs = path.join(candidate, "kafka", "libs");
    if (fs.existsSync(libs) && fs.readdirSync(libs).some((name) => name.startsWith(".fetched-"))) {
      fs.mkdirSync(path.join(stackDir, "kafka"), { recursive: true });
      fs.symlinkSync(libs, path.join(stackDir, "kafka", "libs"));
      return;
    }
  }
}

export async function startPrivateBroker(name: string): Promise<PrivateBroker> {
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  shareFetchedJars(stackDir);
  const ports = { port: await freePort(), controllerPort: await freePort() };
  let running: KafkaBroker | undefined;
  const start = async () => {
    running ??= await startKafkaBroker({ stackDir, ...ports, heap: "256m" });
  };
  const stop = async () => {
    const current = running;
    running = undefined;
    await current?.stop();
  };
  try {
    await start();
  } catch (error) {
    fs.rmSync(stackDir, { recursive: true, force: true });
    throw error;
  }
  return {
    brokers: [`127.0.0.1:${ports.port}`],
    start,
    stop,
    async dispose() {
      await stop();
      fs.rmSync(stackDir, { recursive: true, force: true });
    },
  };
}
