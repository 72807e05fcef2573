import mysql from "mysql2/promise";
import { loadConfig } from "../../server/config";
import { mulberry32 } from "../../server/dataset/prng";
import { latencyStats } from "../latency";
import { machineInfo } from "../machine";
import { captureStep5Requests } from "./capture-step5";
import { cookieOfVisitor, createLoadAccess, invitationsAvailable, type LoadAccess } from "./invitation";
import { runLabVisitor } from "./lab-visitor";
import { parseLoadOptions } from "./load-options";
import { writeLoadResult, type LoadResult, type PhaseResult } from "./load-report";
import { startLoadStack, type LoadStack } from "./load-stack";
import { LoadTally } from "./load-tally";
import { sampleFreshness } from "./freshness-sampler";
import { ratesBetween, readServerCounters } from "./server-counters";
import { runStep5Visitor, type CapturedRequest } from "./step5-visitor";

/**
 * `npm run load [-- --visitors 200 --lab 20 --duration 120]`: starts the stack on its own dir and
 * ports, then drives a baseline phase (20 visitors on step 5 + the /lab visitors) and the main
 * phase (200 on step 5 + the same /lab visitors), and records errors, `/api/query` latency per
 * side, the engine's and the warehouse's queries per second, and engine freshness under load.
 */

const log = (line: string) => process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runPhase(
  stack: LoadStack,
  setup: { name: string; step5: number; lab: number; durationS: number; rampS: number; access: LoadAccess; replay: CapturedRequest[] },
  during?: (signal: AbortSignal) => Promise<void>,
): Promise<PhaseResult> {
  log(`${setup.name}: ${setup.step5} visitors on step 5 + ${setup.lab} in /lab, ramp ${setup.rampS} s, then ${setup.durationS} s measured`);
  const tally = new LoadTally();
  const stop = new AbortController();
  const visitors: Promise<void>[] = [];
  for (let lab = 0; lab < setup.lab; lab++) {
    visitors.push(
      runLabVisitor({
        baseUrl: stack.webUrl,
        cookie: cookieOfVisitor(setup.access),
        tally: () => tally,
        signal: stop.signal,
        random: mulberry32(1277 + lab),
      }),
    );
  }
  for (let visitor = 0; visitor < setup.step5; visitor++) {
    const delay = setup.step5 > 1 ? (setup.rampS * 1000 * visitor) / setup.step5 : 0;
    visitors.push(
      sleep(delay).then(() =>
        stop.signal.aborted
          ? undefined
          : runStep5Visitor({
              baseUrl: stack.webUrl,
              cookie: cookieOfVisitor(setup.access),
              requests: setup.replay,
              tally: () => tally,
              signal: stop.signal,
            }),
      ),
    );
  }
  await sleep(setup.rampS * 1000);
  const before = await readServerCounters(stack.engineUrl, stack.warehouseAdmin);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const measuring = new AbortController();
  const side = during?.(measuring.signal);
  await sleep(setup.durationS * 1000);
  measuring.abort();
  const after = await readServerCounters(stack.engineUrl, stack.warehouseAdmin);
  const cpu = process.cpuUsage(cpuBefore);
  const driverCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 1000) / 10;
  stop.abort();
  await Promise.allSettled([...visitors, side]);
  const result: PhaseResult = {
    name: setup.name,
    step5Visitors: setup.step5,
    labVisitors: setup.lab,
    durationS: setup.durationS,
    tally,
    rates: ratesBetween(before, after),
    driverCpuPercent,
  };
  log(
    `${setup.name}: errors ${tally.errorCount}, rate limited ${tally.rateLimited}, engine ${result.rates.engineQueriesPerS} q/s, warehouse ${result.rates.warehouseSelectsPerS} SELECT/s, driver CPU ${driverCpuPercent}%`,
  );
  return result;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const options = parseLoadOptions(process.argv.slice(2), config.testing.chromiumPath);
  const startedAt = new Date();
  const hosted = invitationsAvailable();
  log(`starting the stack (${hosted ? "hosted" : "local"} mode, .stack-load, free ports)`);
  const brokers = config.kafka.externalBrokers;
  if (brokers) log(`using the Kafka at KAFKA_BROKERS=${brokers.join(",")} instead of starting one`);
  const stack = await startLoadStack({ hosted, brokers, log });
  const interrupted = () => {
    log("interrupted: stopping the stack");
    void stack.stop().then(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const access = await createLoadAccess({ hosted, env: stack.env });
    log(`${access.note}; capturing one step 5 visit in Chromium`);
    const captured = await captureStep5Requests({ baseUrl: stack.webUrl, cookie: access.cookie, chromiumPath: options.chromiumPath });
    const replay = captured.filter((request) => !request.path.startsWith("/api/live"));
    log(
      `step 5 made ${captured.length} requests (${captured
        .filter((r) => r.path.startsWith("/api/"))
        .map((r) => `${r.method} ${r.path}`)
        .join(", ")})`,
    );

    const phases: PhaseResult[] = [];
    phases.push(
      await runPhase(stack, {
        name: "baseline",
        step5: options.baselineVisitors,
        lab: options.lab,
        durationS: options.baselineS,
        rampS: Math.min(options.rampS, 10),
        access,
        replay,
      }),
    );
    let freshness: Awaited<ReturnType<typeof sampleFreshness>> = { samples: [], failures: [] };
    phases.push(
      await runPhase(
        stack,
        {
          name: "main",
          step5: options.visitors,
          lab: options.lab,
          durationS: options.durationS,
          rampS: options.rampS,
          access,
          replay,
        },
        async (signal) => {
          freshness = await sampleFreshness({ brokers: stack.brokers, engine: stack.engine, everyMs: 2_000, signal });
        },
      ),
    );

    const connection = await mysql.createConnection(stack.warehouseAdmin);
    const [[versionRow]] = (await connection.query("SELECT VERSION() AS v")) as unknown as [[{ v: string }]];
    await connection.end();
    const main = phases[1]!;
    const baseline = phases[0]!;
    const p99 = (side: "warehouse" | "kafka") => latencyStats(main.tally.latencyMs[side]).p99Ms;
    const growth = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN);
    const goals = [
      `errors other than rate limits: ${phases.reduce((sum, phase) => sum + phase.tally.errorCount, 0)} (goal 0)`,
      `/api/query p99 with ${options.visitors} on step 5: warehouse ${Math.round(p99("warehouse"))} ms, Kafka ${Math.round(p99("kafka"))} ms (goal ≤ 500 ms)`,
      `queries per second from ${options.baselineVisitors} to ${options.visitors} visitors on step 5: engine ×${growth(main.rates.engineQueriesPerS, baseline.rates.engineQueriesPerS)}, warehouse ×${growth(main.rates.warehouseSelectsPerS, baseline.rates.warehouseSelectsPerS)} (goal: no growth; polling pages would have multiplied it by ${options.visitors / Math.max(1, options.baselineVisitors)})`,
      `engine freshness p99 under load: ${Math.round(latencyStats(freshness.samples).p99Ms)} ms over ${freshness.samples.length} markers`,
      `load driver CPU: ${phases.map((phase) => `${phase.name} ${phase.driverCpuPercent}%`).join(", ")} of one core`,
    ];
    const result: LoadResult = {
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
      access,
      machine: machineInfo({ kafkaDescription: "embedded, KRaft", warehouseVersion: versionRow.v }),
      captured,
      phases,
      freshness: freshness.samples.length > 0 ? { ...latencyStats(freshness.samples), failures: freshness.failures.length } : null,
      goals,
    };
    const file = writeLoadResult(result, options.resultsDir);
    for (const goal of goals) log(goal);
    log(`written ${file}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
