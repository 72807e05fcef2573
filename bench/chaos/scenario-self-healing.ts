import { waitForStory } from "./story-answers";
import { readCommittedTotal } from "./warehouse-ledger";
import { runScenario, seconds, waitFor, type ChaosContext, type ScenarioResult } from "./scenario";

/**
 * kill -9 the broker, the warehouse server and the engine, one at a time: each must come back on
 * its own (the supervisor restarts it, data kept) and the story's queries answer again on both
 * sides (CU-1277 on top); the warehouse keeps loading. Time to recovery for each.
 */
export function selfHealing(
  context: ChaosContext,
  services: readonly string[] = ["kafka", "warehouse", "engine"],
): Promise<ScenarioResult> {
  const { stack, log } = context;
  return runScenario("kill -9 broker, warehouse, engine", context, 12 * 60_000, async (figures, fail) => {
    for (const name of services) {
      const committedBefore = (await readCommittedTotal(stack.warehouseAdmin, stack.database)) ?? 0;
      const killedAt = Date.now();
      const pid = stack.kill(name);
      const back = context.sampler.markDown(name, killedAt, pid);
      try {
        await stack.waitBack(name, pid, 180_000);
        figures[`${name}BackS`] = seconds(Date.now() - killedAt);
      } catch (error) {
        figures[`${name}BackS`] = null;
        fail(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      } finally {
        back(Date.now());
      }
      try {
        await waitForStory(stack.engine, stack.warehouseAdmin, stack.database, 120_000);
        figures[`${name}StoryAnswersS`] = seconds(Date.now() - killedAt);
        await waitFor(
          "the warehouse to load again",
          async () => (((await readCommittedTotal(stack.warehouseAdmin, stack.database)) ?? 0) > committedBefore ? true : undefined),
          3 * stack.flushIntervalMs + 120_000,
        );
        figures[`${name}WarehouseLoadsS`] = seconds(Date.now() - killedAt);
      } catch (error) {
        fail(`after kill -9 ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      log(`kill -9 ${name}: back after ${figures[`${name}BackS`]} s, story answers after ${figures[`${name}StoryAnswersS`]} s`);
    }
  });
}
