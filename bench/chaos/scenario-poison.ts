import { poisonCorpus, producePoison } from "../../server/stack/testing/poison-corpus";
import { readDeadLetters, topicMaxMessageBytes } from "./dead-letters";
import { compareGoodRows } from "./good-rows";
import { kafkaStoryProblem, warehouseStoryProblem } from "./story-answers";
import { highWatermarks } from "./topic-reader";
import { readPoisonCoordinates, readWarehouseLedger } from "./warehouse-ledger";
import { runScenario, seconds, sleep, waitFor, type ChaosContext, type ScenarioResult } from "./scenario";

/**
 * Produces the poison corpus to `purchases` while the story runs (generator producing, connector
 * loading, the story's queries asked every 2 s), then checks: the seed's queries answer on Kafka
 * (CU-1277 first) and on the warehouse; the warehouse catches up within one flush; the dead-letter
 * topic names exactly the bad messages, each once; both sides agree on every good row.
 */
export function poisonStory(context: ChaosContext, options: { size: number; seed: number }): Promise<ScenarioResult> {
  const { stack, log } = context;
  return runScenario("poison corpus", context, 8 * 60_000, async (figures, fail) => {
    const limit = await topicMaxMessageBytes(stack.brokers, "purchases");
    const hugeValueBytes = Math.min(1_000_000, limit - 16 * 1024);
    const corpus = poisonCorpus({ seed: options.seed, size: options.size, hugeValueBytes });
    figures.corpus = corpus.length;
    figures.classes = new Set(corpus.map((message) => message.kind)).size;
    figures.mustDeadLetter = corpus.filter((message) => message.deadLetter).length;
    figures.hugeValueBytes = hugeValueBytes;

    let storyAsked = 0;
    const storyProblems: string[] = [];
    let asking = true;
    const asker = (async () => {
      while (asking) {
        const problem = await kafkaStoryProblem(stack.engine);
        storyAsked += 1;
        if (problem) storyProblems.push(problem);
        await sleep(2_000);
      }
    })();
    let produced;
    try {
      const startedAt = Date.now();
      produced = await producePoison(stack.brokers, "purchases", corpus, 3);
      figures.produceS = seconds(Date.now() - startedAt);
      log(`poison: produced ${produced.length} messages in ${figures.produceS} s`);
      const target = await highWatermarks(stack.brokers, "purchases");
      const producedAt = Date.now();
      try {
        await waitFor(
          "the warehouse to load past the poison",
          async () => {
            const ledger = await readWarehouseLedger(stack.warehouseAdmin, stack.database);
            return [...target].every(([partition, end]) => (ledger.committed.get(partition) ?? 0) >= end) ? true : undefined;
          },
          10 * stack.flushIntervalMs + 60_000,
        );
        const catchUpMs = Date.now() - producedAt;
        figures.warehouseCatchUpS = seconds(catchUpMs);
        // One flush: the interval that was running when the poison arrived, plus the flush itself.
        if (catchUpMs > 2 * stack.flushIntervalMs + 10_000)
          fail(`warehouseCatchUpS = ${seconds(catchUpMs)} s: more than one flush (interval ${seconds(stack.flushIntervalMs)} s)`);
      } catch (error) {
        figures.warehouseCatchUpS = null;
        // Keep going: what the dead-letter topic and both sides hold says why the warehouse is stuck.
        fail(`warehouseCatchUpS: ${error instanceof Error ? error.message : String(error)} (Kafka now ${JSON.stringify([...target])})`);
      }
      figures.flushIntervalS = seconds(stack.flushIntervalMs);
    } finally {
      await sleep(4_000);
      asking = false;
      await asker;
    }
    figures.storyAskedDuringPoison = storyAsked;
    figures.storyProblemsDuringPoison = storyProblems.length;
    if (storyProblems.length > 0) log(`poison: story problems while poisoned: ${storyProblems.slice(0, 3).join(" | ")}`);

    const kafkaProblem = await kafkaStoryProblem(stack.engine);
    if (kafkaProblem) fail(`after the poison: ${kafkaProblem}`);
    const warehouseProblem = await warehouseStoryProblem(stack.warehouseAdmin, stack.database);
    if (warehouseProblem) fail(`after the poison: ${warehouseProblem}`);

    const bad = new Set(produced.filter((message) => message.deadLetter).map((message) => `${message.partition}:${message.offset}`));
    // Dead letters may be shipped after the flush that set them aside commits (an outbox): wait for
    // them a while, then count what is there.
    const dlqWaitStartedAt = Date.now();
    let census = await readDeadLetters(stack.brokers, stack.dlqTopic);
    while ([...bad].some((source) => !census.bySource.has(source)) && Date.now() - dlqWaitStartedAt < 5 * stack.flushIntervalMs + 30_000) {
      await sleep(1_000);
      census = await readDeadLetters(stack.brokers, stack.dlqTopic);
    }
    figures.deadLettersCompleteS = [...bad].every((source) => census.bySource.has(source)) ? seconds(Date.now() - dlqWaitStartedAt) : null;
    const missing = [...bad].filter((source) => !census.bySource.has(source));
    const repeated = [...census.bySource].filter(([, count]) => count > 1);
    const unexpected = [...census.bySource.keys()].filter((source) => !bad.has(source));
    Object.assign(figures, {
      deadLetters: census.letters,
      deadLetteredSources: census.bySource.size,
      missingFromDlq: missing.length,
      repeatedInDlq: repeated.length,
      unexpectedInDlq: unexpected.length,
      unreadableLetters: census.unreadable.length,
      largestLetterBytes: census.largestBytes,
    });
    const describe = (sources: string[]) =>
      sources
        .slice(0, 5)
        .map(
          (source) =>
            `${source} (${produced.find((message) => `${message.partition}:${message.offset}` === source)?.kind ?? "not poison"})`,
        )
        .join(", ");
    if (missing.length > 0) fail(`missingFromDlq = ${missing.length} of ${bad.size} bad messages, e.g. ${describe(missing)}`);
    if (repeated.length > 0)
      fail(`repeatedInDlq = ${repeated.length} sources dead-lettered more than once, e.g. ${describe(repeated.map(([source]) => source))}`);
    if (unexpected.length > 0)
      fail(`unexpectedInDlq = ${unexpected.length} letters for messages that are not bad, e.g. ${describe(unexpected)}`);
    if (census.unreadable.length > 0) fail(`unreadableLetters = ${census.unreadable.length}: ${census.unreadable.slice(0, 3).join("; ")}`);

    const loadedPoison = await readPoisonCoordinates(stack.warehouseAdmin, stack.database);
    const good = produced.filter((message) => !message.deadLetter);
    const goodMissing = good.filter((message) => !loadedPoison.has(`${message.partition}:${message.offset}`));
    const badLoaded = [...bad].filter((source) => loadedPoison.has(source));
    figures.goodPoisonLoaded = good.length - goodMissing.length;
    figures.goodPoison = good.length;
    if (goodMissing.length > 0)
      fail(
        `goodPoisonLoaded = ${good.length - goodMissing.length} of ${good.length}; missing e.g. ${goodMissing
          .slice(0, 5)
          .map((message) => message.kind)
          .join(", ")}`,
      );
    if (badLoaded.length > 0) fail(`${badLoaded.length} bad messages loaded into the warehouse, e.g. ${describe(badLoaded)}`);

    const agreement = await compareGoodRows(stack, produced);
    Object.assign(figures, agreement.figures);
    for (const line of agreement.failures) fail(line);
  });
}
