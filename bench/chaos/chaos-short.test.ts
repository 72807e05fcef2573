import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../server/dataset/prng";
import { isAlive } from "../../server/stack/process/pid-files";
import { freePort } from "../../server/stack/testing/free-port";
import { startChaosStack, type ChaosStack } from "./chaos-stack";
import { brokerRestarts } from "./scenario-broker-restarts";
import { connectorKills } from "./scenario-connector-kills";
import { poisonStory } from "./scenario-poison";
import type { ChaosContext, ScenarioResult } from "./scenario";
import { startStatusSampler, type StatusSampler } from "./status-sampler";
import { waitForStory } from "./story-answers";

/**
 * The short version of `npm run chaos` inside `npm test`: the same scenarios on a stack of its
 * own (scratch stack dir, free ports), with 3 connector kills, one broker restart and a reduced
 * poison corpus. The full suite and its recorded figures are `npm run chaos`.
 */
let stack: ChaosStack | undefined;
let sampler: StatusSampler | undefined;
let context: ChaosContext;
const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-chaos-short-"));
const log = (line: string) => console.log(`[chaos short] ${line}`);

const failuresOf = (result: ScenarioResult) => `${result.name}: ${result.failures.join(" | ")} ${JSON.stringify(result.figures)}`;

beforeAll(async () => {
  const ports = {
    kafka: await freePort(),
    kafkaController: await freePort(),
    warehouse: await freePort(),
    control: await freePort(),
    engine: await freePort(),
    schemaRegistry: await freePort(),
    web: await freePort(),
  };
  stack = await startChaosStack({ stackDir, ports, flushIntervalMs: 1_000, generatorRate: 20, generatorBacklog: 10_000, seed: 1277, log });
  await waitForStory(stack.engine, stack.warehouseAdmin, stack.database, 90_000);
  const running = stack;
  sampler = startStatusSampler({
    status: running.status,
    warehouseAdmin: running.warehouseAdmin,
    database: running.database,
    flushIntervalMs: running.flushIntervalMs,
    pids: () =>
      Object.fromEntries(
        ["kafka", "connector"].map((name) => [name, [running.pidOf(name)].find((pid) => pid !== undefined && isAlive(pid))]),
      ),
  });
  context = { stack, sampler, random: mulberry32(1277), log };
}, 240_000);

afterAll(async () => {
  sampler?.stop();
  await stack?.stop();
  fs.rmSync(stackDir, { recursive: true, force: true });
}, 60_000);

describe("the stack under chaos (short version of npm run chaos)", () => {
  it("loads every message exactly once into the warehouse across 3 kill -9s of the connector", async () => {
    const result = await connectorKills(context, 3);
    expect(result.failures, failuresOf(result)).toEqual([]);
    expect(result.figures.duplicated).toBe(0);
    expect(result.figures.lost).toBe(0);
    expect(result.figures.warehouseRows).toBe(result.figures.messagesConsumed);
  }, 240_000);

  it("answers exactly against its reported offsets while the broker restarts, and the supervisor brings the broker back", async () => {
    const result = await brokerRestarts(context, 1);
    expect(result.failures, failuresOf(result)).toEqual([]);
    expect(result.figures.exactAnswers).toBe(result.figures.engineAnswers);
  }, 240_000);

  it("dead-letters exactly the bad messages of a poison corpus, keeps CU-1277 on top on both sides and agrees on the good rows", async () => {
    const result = await poisonStory(context, { size: 150, seed: 1277 });
    expect(result.failures, failuresOf(result)).toEqual([]);
    expect(result.figures.missingFromDlq).toBe(0);
    expect(result.figures.repeatedInDlq).toBe(0);
    expect(result.figures.unexpectedInDlq).toBe(0);
  }, 240_000);

  it("never claimed health that was not there while all that happened", () => {
    const report = sampler!.stop();
    sampler = undefined;
    expect(report.falseClaims).toEqual([]);
    expect(report.samples).toBeGreaterThan(10);
  });
});
