import { afterEach, describe, expect, it } from "vitest";
import type { RowDataPacket } from "mysql2/promise";
import { testStack } from "../stack/testing/test-stack";
import { createGenerator } from "../generator/generator";
import { messagesEverWritten } from "../kafka/topic-offsets";
import { purchaseAt } from "../dataset/dataset";
import { createScratchSinkTargets, scratchSinkOptions, waitFor } from "../connector/testing/scratch-pipeline";
import { spawnSinkProcess } from "../connector/testing/sink-process";

const KILLS = 10;
const SEED = 1277;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const spawnSink = (settings: Record<string, unknown>) => spawnSinkProcess(settings, cleanups);

describe("warehouse sink under kill -9", () => {
  it(`loads every message exactly once although it is killed -9 ${KILLS} times while the generator produces`, async () => {
    const stack = testStack();
    const { topics, databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
    const requestTopic = await topics.create(3);

    const generator = createGenerator({
      brokers: stack.kafkaBrokers,
      seed: SEED,
      backlog: 3_000,
      ratePerTopic: 200,
      topicNames: { purchases: topic, requestlog: requestTopic },
    });
    cleanups.push(() => generator.stop());
    await generator.start();

    const settings = {
      ...scratchSinkOptions(stack, { databases, topic, dlqTopic }),
      flushIntervalMs: 1_000,
      // Small batches: many transactions, so kills land before, during and after COMMITs.
      maxBufferedMessages: 250,
      sessionTimeoutMs: 6_000,
    };
    const flushesSeenAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const sink = spawnSink(settings);
      await waitFor(
        "the sink to be assigned its partitions",
        () => sink.output.some((line) => line.includes("assigned partitions")),
        30_000,
        20,
      );
      const flushes = () => sink.output.filter((line) => line.includes("flushed")).length;
      if (kill % 2 === 0) {
        // Anywhere in the run: while consuming, mid-transaction, between flushes.
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 2_500));
      } else {
        // Just after a COMMIT (before or while its Kafka offset commit runs), or inside the next one.
        const target = 1 + Math.floor(Math.random() * 4);
        await waitFor(`flush ${target}`, () => flushes() >= target, 30_000, 5);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
      }
      flushesSeenAtKill.push(flushes());
      sink.child.kill("SIGKILL");
      await sink.exited;
    }
    await generator.stop();
    const produced = await messagesEverWritten(topics.admin, topic);
    expect(produced).toBeGreaterThanOrEqual(3_000);

    // A last, undisturbed run catches up with everything produced.
    const final = spawnSink(settings);
    const loadedOffsets = async () => {
      const [rows] = await databases.admin.query<RowDataPacket[]>(
        `SELECT COALESCE(SUM(next_offset), 0) AS total FROM \`${databases.offsetsDatabase}\`.sink_offsets WHERE topic = ?`,
        [topic],
      );
      return Number(rows[0]!.total);
    };
    await waitFor("the warehouse to catch up", async () => (await loadedOffsets()) === produced, 60_000, 250);
    final.child.kill("SIGTERM");
    await final.exited;

    const [[counts]] = (await databases.admin.query<RowDataPacket[]>(
      `SELECT count(*) AS n, count(DISTINCT kafka_topic, kafka_partition, kafka_offset) AS distinctN FROM \`${databases.database}\`.purchases`,
    )) as unknown as [RowDataPacket[]];
    expect({ n: Number(counts!.n), distinctN: Number(counts!.distinctN), committed: await loadedOffsets() }).toEqual({
      n: produced,
      distinctN: produced,
      committed: produced,
    });
    // Every offset of every partition, no gap: 0..high-1.
    const highs = await topics.admin.fetchTopicOffsets(topic);
    const [perPartition] = await databases.admin.query<RowDataPacket[]>(
      `SELECT kafka_partition AS p, count(*) AS n, min(kafka_offset) AS lo, max(kafka_offset) AS hi FROM \`${databases.database}\`.purchases GROUP BY kafka_partition`,
    );
    for (const { partition, high } of highs) {
      const row = perPartition.find((candidate) => Number(candidate.p) === partition);
      expect({ partition, n: Number(row?.n), lo: Number(row?.lo), hi: Number(row?.hi) }).toEqual({
        partition,
        n: Number(high),
        lo: 0,
        hi: Number(high) - 1,
      });
    }
    // And the rows are exactly the generated events 0..produced-1.
    const [rows] = await databases.admin.query<RowDataPacket[]>(
      `SELECT customerId, amount, itemCode FROM \`${databases.database}\`.purchases`,
    );
    const key = (row: { customerId: string; amount: number; itemCode: string }) =>
      `${row.customerId}|${Number(row.amount).toFixed(2)}|${row.itemCode}`;
    const loaded = rows.map((row) => key(row as { customerId: string; amount: number; itemCode: string })).sort();
    const expected = Array.from({ length: produced }, (_, i) => key(purchaseAt(SEED, i))).sort();
    expect(loaded).toEqual(expected);
    console.log(`exactly-once: ${KILLS} kills, ${produced} rows checked, flushes completed per killed run: ${flushesSeenAtKill.join(",")}`);
  }, 170_000);
});
