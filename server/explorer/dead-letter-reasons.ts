import type { DeadLetterSummary } from "../../lib/api/explorer";
import type { ExplorerKafka } from "./explorer-kafka";
import { headersOf } from "./explorer-message";
import { readNewestRecords } from "./newest-messages";
import { messagesIn, type TopicLayout } from "./partition-watermarks";

/** The header the sink connector writes on every dead letter (see server/connector). */
export const DLQ_REASON_HEADER = "fomo.dlq.reason";
const MAX_REASON_CHARS = 200;

/**
 * Why messages were dead-lettered: the `fomo.dlq.reason` header of the newest `sample` dead
 * letters, grouped with counts, most frequent first.
 */
export async function readDeadLetterReasons(
  kafka: ExplorerKafka,
  topic: string,
  layout: TopicLayout | undefined,
  sample = 200,
): Promise<DeadLetterSummary> {
  if (!layout) return { topic, exists: false, messages: 0, sampled: 0, reasons: [] };
  const newest = await readNewestRecords(kafka, layout, sample);
  const reasons = new Map<string, { count: number; lastAt: string | null }>();
  for (const message of newest) {
    const header = headersOf(message).find((h) => h.key === DLQ_REASON_HEADER)?.value;
    const timestamp = new Date(message.timestampMs).toISOString();
    const reason = (header ?? "(no reason header)").slice(0, MAX_REASON_CHARS);
    const entry = reasons.get(reason) ?? { count: 0, lastAt: null };
    entry.count += 1;
    if (!entry.lastAt || timestamp > entry.lastAt) entry.lastAt = timestamp;
    reasons.set(reason, entry);
  }
  return {
    topic,
    exists: true,
    messages: messagesIn(layout.partitions),
    sampled: newest.length,
    reasons: [...reasons.entries()]
      .map(([reason, { count, lastAt }]) => ({ reason, count, lastAt }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
