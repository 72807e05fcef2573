import mysql from "mysql2/promise";
import { mulberry32 } from "../../server/dataset/prng";
import { isAlive } from "../../server/stack/process/pid-files";
import { machineInfo } from "../machine";
import { chaosPorts, parseChaosOptions } from "./chaos-options";
import { renderChaosMarkdown, writeChaosResults, type ChaosResult } from "./chaos-report";
import { startChaosStack, type ChaosStack } from "./chaos-stack";
import { brokerRestarts } from "./scenario-broker-restarts";
import { connectorKills } from "./scenario-connector-kills";
import { poisonStory } from "./scenario-poison";
import { selfHealing } from "./scenario-self-healing";
import type { ChaosContext, ScenarioResult } from "./scenario";
import { startStatusSampler, type StatusSampler } from "./status-sampler";
import { waitForStory } from "./story-answers";

/**
 * `npm run chaos`: the reliability suite. Starts the whole stack under its own supervisor on its
 * own stack dir and ports, then kills, restarts and poisons it while the story runs, and records
 * the figures in bench/results/chaos-<time>.{md,json} with the machine it ran on.
 */

const log = (line: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function warehouseVersion(stack: ChaosStack): Promise<string> {
  const connection = await mysql.createConnection(stack.warehouseAdmin);
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT VERSION() AS v");
    return String(rows[0]?.v ?? "unknown");
  } finally {
    await connection.end().catch(() => undefined);
  }
}

const SERVICES = ["kafka", "warehouse", "generator", "connector", "engine"] as const;

/** The live process of each service, as its pid file names it (undefined: none running). */
function livePids(stack: ChaosStack): Record<string, number | undefined> {
  return Object.fromEntries(
    SERVICES.map((name) => {
      const pid = stack.pidOf(name);
      return [name, pid !== undefined && isAlive(pid) ? pid : undefined];
    }),
  );
}

async function main(): Promise<number> {
  const options = parseChaosOptions(process.argv.slice(2));
  const startedAt = new Date();
  let stack: ChaosStack | undefined;
  let sampler: StatusSampler | undefined;
  const scenarios: ScenarioResult[] = [];
  let error: string | undefined;
  let version = "unknown";

  let stopping = false;
  const stopEverything = async () => {
    if (stopping) return;
    stopping = true;
    await stack?.stop().catch((cause: unknown) => log(`stopping the stack: ${String(cause)}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the stack`);
      void stopEverything().then(() => process.exit(130));
    });
  }

  try {
    const ports = chaosPorts(options.portBase);
    log(
      `starting the stack under ${options.stackDir} (Kafka ${ports.kafka}, warehouse ${ports.warehouse}, control ${ports.control}, engine ${ports.engine})`,
    );
    stack = await startChaosStack({
      stackDir: options.stackDir,
      ports,
      flushIntervalMs: options.flushIntervalMs,
      generatorRate: options.generatorRate,
      generatorBacklog: options.generatorBacklog,
      seed: options.seed,
      log,
    });
    version = await warehouseVersion(stack).catch(() => "unknown");
    log(`stack ready; waiting for the story to answer on both sides`);
    await waitForStory(stack.engine, stack.warehouseAdmin, stack.database, 180_000 + 3 * options.flushIntervalMs);
    sampler = startStatusSampler({
      status: stack.status,
      warehouseAdmin: stack.warehouseAdmin,
      database: stack.database,
      flushIntervalMs: options.flushIntervalMs,
      pids: () => livePids(stack!),
    });
    const context: ChaosContext = { stack, sampler, random: mulberry32(options.seed), log };
    for (const scenario of options.scenarios) {
      if (scenario === "connector" && options.connectorKills > 0) scenarios.push(await connectorKills(context, options.connectorKills));
      if (scenario === "broker" && options.brokerRestarts > 0) scenarios.push(await brokerRestarts(context, options.brokerRestarts));
      if (scenario === "heal") scenarios.push(await selfHealing(context));
      if (scenario === "poison" && options.poisonSize > 0)
        scenarios.push(await poisonStory(context, { size: options.poisonSize, seed: options.seed }));
    }
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
    log(`failed: ${error}`);
  }
  const status = sampler?.stop() ?? { samples: 0, unanswered: 0, falseClaims: [], falseClaimCount: 0, longestStallS: 0 };
  await stopEverything();

  const { resultsDir, stackDir, ...recorded } = options;
  void stackDir;
  const statusPassed = status.falseClaimCount === 0 && status.samples > 0;
  const result: ChaosResult = {
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    passed: error === undefined && statusPassed && scenarios.every((scenario) => scenario.passed),
    options: recorded,
    machine: machineInfo({ kafkaDescription: "embedded, run by the supervisor", warehouseVersion: version }),
    scenarios,
    status: { ...status, passed: statusPassed },
    ...(error ? { error } : {}),
  };
  const files = writeChaosResults(result, resultsDir);
  process.stdout.write(`${renderChaosMarkdown(result)}\nWritten: ${files.jsonPath}, ${files.markdownPath}\n`);
  return result.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
