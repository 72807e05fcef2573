import { askPerPartition, verifyAnswers, type RecordedAnswer } from "./engine-answers";
import { readCommittedTotal } from "./warehouse-ledger";
import { median, runScenario, seconds, sleep, waitFor, type ChaosContext, type ScenarioResult } from "./scenario";

const total = (answer: RecordedAnswer) => [...answer.partitions.values()].reduce((sum, entry) => sum + entry.highWatermark, 0);

/**
 * Restarts the broker (SIGTERM; the supervisor starts it again) `restarts` times while the generator
 * produces, the connector loads and a client queries the engine twice a second. Every answer the
 * engine gave is then checked against the offsets it reported (see engine-answers.ts); recovery is
 * timed per restart: broker healthy again, engine answering with newer data, warehouse loading.
 */
export function brokerRestarts(context: ChaosContext, restarts: number): Promise<ScenarioResult> {
  const { stack, random, log } = context;
  return runScenario("broker restarts", context, 10 * 60_000, async (figures, fail) => {
    const answers: RecordedAnswer[] = [];
    let failedQueries = 0;
    let querying = true;
    const queries = (async () => {
      while (querying) {
        await askPerPartition(stack.engine).then(
          (answer) => answers.push(answer),
          () => (failedQueries += 1),
        );
        await sleep(500);
      }
    })();
    const brokerBack: number[] = [];
    const engineBack: number[] = [];
    const warehouseBack: number[] = [];
    try {
      for (let restart = 1; restart <= restarts; restart++) {
        await sleep(3_000 + random() * 5_000);
        const seenBefore = answers.at(-1);
        const committedBefore = (await readCommittedTotal(stack.warehouseAdmin, stack.database)) ?? 0;
        const killedAt = Date.now();
        const pid = stack.kill("kafka", "SIGTERM");
        const back = context.sampler.markDown("kafka", killedAt, pid);
        try {
          await stack.waitBack("kafka", pid, 180_000);
        } finally {
          back(Date.now());
        }
        brokerBack.push(Date.now() - killedAt);
        await waitFor(
          "the engine to answer with messages produced after the restart",
          async () =>
            answers.some((answer) => answer.at > killedAt && (!seenBefore || total(answer) > total(seenBefore))) ? true : undefined,
          120_000,
        );
        engineBack.push(Date.now() - killedAt);
        await waitFor(
          "the warehouse to load again",
          async () => (((await readCommittedTotal(stack.warehouseAdmin, stack.database)) ?? 0) > committedBefore ? true : undefined),
          3 * stack.flushIntervalMs + 120_000,
        );
        warehouseBack.push(Date.now() - killedAt);
        log(
          `broker restart ${restart}/${restarts}: broker ${seconds(brokerBack.at(-1)!)} s, engine ${seconds(engineBack.at(-1)!)} s, warehouse ${seconds(warehouseBack.at(-1)!)} s`,
        );
      }
      await sleep(2_000);
    } finally {
      querying = false;
      await queries;
    }
    figures.restarts = restarts;
    figures.brokerBackS = brokerBack.map(seconds).join(", ");
    figures.engineAnswersNewDataS = engineBack.map(seconds).join(", ");
    figures.warehouseLoadsAgainS = warehouseBack.map(seconds).join(", ");
    figures.brokerBackMedianS = seconds(median(brokerBack) ?? 0);
    figures.failedQueries = failedQueries;
    const report = await verifyAnswers(stack.brokers, answers);
    figures.engineAnswers = report.answers;
    figures.exactAnswers = report.exact;
    if (report.answers < 10) fail(`only ${report.answers} engine answers during the restarts (${failedQueries} failed)`);
    if (report.exact !== report.answers)
      fail(`${report.answers - report.exact} of ${report.answers} engine answers inexact: ${report.mismatches.join("; ")}`);
  });
}
