import type { ExplorerMessage } from "../../lib/api/explorer";
import type { ExplorerKafka } from "./explorer-kafka";
import { decodeRecord, newestFirst } from "./message-decoding";
import type { TopicLayout } from "./partition-watermarks";
import { scanRanges } from "./range-scan";

/**
 * The `count` newest messages of a topic across its partitions, newest first. Reads at most
 * `count` messages per partition (the tail end of each), never the whole topic.
 */
export async function readNewestMessages(
  kafka: ExplorerKafka,
  layout: TopicLayout,
  count: number,
  signal?: AbortSignal,
): Promise<ExplorerMessage[]> {
  const ranges = layout.partitions.map((p) => ({
    partition: p.partition,
    from: Math.max(p.logStartOffset, p.highWatermark - count),
    until: p.highWatermark,
  }));
  const collected: ExplorerMessage[] = [];
  await scanRanges(kafka, layout, ranges, {
    maxMessages: count * layout.partitions.length,
    signal,
    onRecords(records) {
      collected.push(...records.map(decodeRecord));
    },
  });
  return collected.sort(newestFirst).slice(0, count);
}
