import type { QueryResult } from "../../lib/api/query";
import type { EngineClient } from "../../server/query/engine-client";
import { readTopic } from "./topic-reader";

/**
 * Engine answers recorded while the suite breaks things, checked afterwards against an independent
 * read of the topic: for every partition, count(*) must be exactly high watermark − log start of
 * the snapshot the answer reports, and sum(amount) the sum of those very messages.
 */
export interface RecordedAnswer {
  at: number;
  partitions: Map<number, { logStart: number; highWatermark: number; count: number; total: number }>;
}

export const PER_PARTITION_SQL =
  "SELECT _partition AS p, count(*) AS n, sum(amount) AS total FROM purchases GROUP BY _partition ORDER BY p";

export function recordAnswer(result: QueryResult, topic = "purchases"): RecordedAnswer {
  const snapshot = result.snapshot && "topics" in result.snapshot ? result.snapshot.topics[topic] : undefined;
  if (!snapshot) throw new Error(`the engine's answer reports no snapshot offsets for ${topic}`);
  const rows = new Map(result.rows.map((row) => [Number(row[0]), { count: Number(row[1]), total: Number(row[2] ?? 0) }]));
  const partitions = new Map(
    snapshot.map((entry) => {
      const row = rows.get(entry.partition) ?? { count: 0, total: 0 };
      return [entry.partition, { logStart: Number(entry.logStartOffset), highWatermark: Number(entry.highWatermark), ...row }];
    }),
  );
  return { at: Date.now(), partitions };
}

export async function askPerPartition(engine: EngineClient): Promise<RecordedAnswer> {
  return recordAnswer(await engine.query(PER_PARTITION_SQL));
}

export interface ExactnessReport {
  answers: number;
  exact: number;
  /** One line per inexact answer (at most 10), naming the partition and both figures. */
  mismatches: string[];
}

/** Checks every recorded answer against one read of the topic up to the highest offset any answer saw. */
export async function verifyAnswers(brokers: string[], answers: RecordedAnswer[], topic = "purchases"): Promise<ExactnessReport> {
  const until = new Map<number, number>();
  for (const answer of answers) {
    for (const [partition, entry] of answer.partitions) until.set(partition, Math.max(until.get(partition) ?? 0, entry.highWatermark));
  }
  const amounts = new Map<number, number[]>();
  await readTopic(brokers, topic, until, (message) => {
    const list = amounts.get(message.partition) ?? [];
    amounts.set(message.partition, list);
    let amount = 0;
    try {
      const parsed: unknown = JSON.parse(message.value?.toString("utf8") ?? "null");
      const value = (parsed as { amount?: unknown } | null)?.amount;
      amount = typeof value === "number" && Number.isFinite(value) ? value : 0;
    } catch {
      amount = 0;
    }
    list[message.offset] = amount;
  });
  const mismatches: string[] = [];
  let exact = 0;
  for (const answer of answers) {
    let ok = true;
    for (const [partition, entry] of answer.partitions) {
      const expectedCount = entry.highWatermark - entry.logStart;
      const list = amounts.get(partition) ?? [];
      let expectedTotal = 0;
      for (let offset = entry.logStart; offset < entry.highWatermark; offset++) expectedTotal += list[offset] ?? 0;
      const countOk = entry.count === expectedCount;
      const totalOk = Math.abs(entry.total - expectedTotal) <= 0.001 + Math.abs(expectedTotal) * 1e-9;
      if (!countOk || !totalOk) {
        ok = false;
        if (mismatches.length < 10) {
          mismatches.push(
            `answer at ${new Date(answer.at).toISOString()}, partition ${partition}: count ${entry.count} vs ${expectedCount} messages in [${entry.logStart}, ${entry.highWatermark}), sum ${entry.total} vs ${expectedTotal.toFixed(3)} read from the topic`,
          );
        }
      }
    }
    if (ok) exact += 1;
  }
  return { answers: answers.length, exact, mismatches };
}
