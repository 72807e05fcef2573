import { highWatermarks, readTopic } from "./topic-reader";
import { readWarehouseLedger } from "./warehouse-ledger";
import { median, runScenario, seconds, sleep, waitFor, type ChaosContext, type ScenarioResult } from "./scenario";

/**
 * kill -9 the connector at random moments while the generator runs (sometimes while it is still
 * starting, sometimes mid-run), let the supervisor restart it each time, then check that the
 * warehouse holds every consumed message exactly once: rows = distinct coordinates = Σ committed
 * next offsets, offsets 0..next−1 on every partition, and the same totals per customer as Kafka.
 */
export function connectorKills(context: ChaosContext, kills: number): Promise<ScenarioResult> {
  const { stack, random, log } = context;
  return runScenario("connector kill -9", context, 12 * 60_000, async (figures, fail) => {
    const recoveries: number[] = [];
    for (let kill = 1; kill <= kills; kill++) {
      await sleep(200 + random() * 3_800);
      const killedAt = Date.now();
      const pid = stack.kill("connector");
      const back = context.sampler.markDown("connector", killedAt, pid);
      // Every other kill waits for a healthy connector first; the others hit it while it starts.
      const newPid = kill % 2 === 0 ? await stack.waitBack("connector", pid, 90_000) : await stack.waitNewProcess("connector", pid, 90_000);
      back(Date.now());
      recoveries.push(Date.now() - killedAt);
      log(`connector kill ${kill}/${kills}: pid ${pid} → ${newPid} after ${seconds(Date.now() - killedAt)} s`);
    }
    figures.kills = kills;
    figures.restartMedianS = seconds(median(recoveries) ?? 0);
    figures.restartMaxS = seconds(Math.max(...recoveries));

    const lastPid = stack.pidOf("connector") ?? -1;
    await stack
      .waitBack("connector", -1, 90_000)
      .catch((error: unknown) => fail(`after ${kills} kills: ${String(error)} (pid ${lastPid})`));
    const target = await highWatermarks(stack.brokers, "purchases");
    const caughtUpAt = Date.now();
    await waitFor(
      `the warehouse to load every message up to ${JSON.stringify([...target])}`,
      async () => {
        const ledger = await readWarehouseLedger(stack.warehouseAdmin, stack.database);
        return [...target].every(([partition, end]) => (ledger.committed.get(partition) ?? 0) >= end) ? true : undefined;
      },
      6 * stack.flushIntervalMs + 60_000,
    );
    figures.catchUpAfterKillsS = seconds(Date.now() - caughtUpAt);

    const ledger = await readWarehouseLedger(stack.warehouseAdmin, stack.database);
    figures.warehouseRows = ledger.rows;
    figures.distinctCoordinates = ledger.distinctCoordinates;
    figures.messagesConsumed = ledger.committedTotal;
    figures.duplicated = ledger.rows - ledger.distinctCoordinates;
    let lost = 0;
    for (const [partition, next] of ledger.committed) {
      const range = ledger.partitions.get(partition);
      const present = range ? range.rows : 0;
      lost += Math.max(0, next - present);
      if (range && (range.minOffset !== 0 || range.maxOffset !== next - 1))
        fail(`partition ${partition}: warehouse offsets ${range.minOffset}..${range.maxOffset}, expected 0..${next - 1}`);
    }
    figures.lost = lost;
    if (figures.duplicated !== 0)
      fail(`duplicated = ${figures.duplicated} (rows ${ledger.rows}, distinct coordinates ${ledger.distinctCoordinates})`);
    if (lost !== 0) fail(`lost = ${lost} (committed ${ledger.committedTotal}, rows ${ledger.rows})`);
    if (ledger.distinctCoordinates !== ledger.committedTotal)
      fail(`distinct coordinates ${ledger.distinctCoordinates} ≠ messages consumed ${ledger.committedTotal}`);

    // The rows are the messages themselves: totals per customer from an independent read of Kafka.
    const kafkaTotals = new Map<string, { total: number; count: number }>();
    await readTopic(stack.brokers, "purchases", ledger.committed, (message) => {
      let parsed: { customerId?: unknown; amount?: unknown };
      try {
        parsed = JSON.parse(message.value?.toString("utf8") ?? "{}") as typeof parsed;
      } catch {
        return;
      }
      // Only the generator's customers: poison (CU-9xxx) of an earlier scenario is checked by its own.
      if (typeof parsed.customerId !== "string" || !parsed.customerId.startsWith("CU-1") || typeof parsed.amount !== "number") return;
      const entry = kafkaTotals.get(parsed.customerId) ?? { total: 0, count: 0 };
      entry.total += parsed.amount;
      entry.count += 1;
      kafkaTotals.set(parsed.customerId, entry);
    });
    let differing = 0;
    for (const [customer, expected] of kafkaTotals) {
      const actual = ledger.customers.get(customer);
      if (!actual || actual.count !== expected.count || Math.abs(actual.total - expected.total) > 0.001 * expected.count) {
        differing += 1;
        if (differing <= 3)
          fail(
            `customer ${customer}: warehouse ${actual?.count ?? 0} rows / ${actual?.total ?? 0}, Kafka ${expected.count} / ${expected.total.toFixed(3)}`,
          );
      }
    }
    figures.customersCompared = kafkaTotals.size;
    figures.customersDiffering = differing;
  });
}
