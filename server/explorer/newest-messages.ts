import type { ExplorerKafka } from "./explorer-kafka";
import { newestFirst, type RawRecord } from "./explorer-message";
import type { TopicLayout } from "./partition-watermarks";
import { scanRanges } from "./range-scan";

/**
 * The `count` newest records of a topic across its partitions, newest first, still undecoded (the
 * dead-letter summary needs only their headers). Reads at most `count` messages per partition
 * (the tail end of each), never the whole topic.
 */
export async function readNewestRecords(
  kafka: ExplorerKafka,
  layout: TopicLayout,
  count: number,
  signal?: AbortSignal,
): Promise<RawRecord[]> {
  const ranges = layout.partitions.map((p) => ({
    partition: p.partition,
    from: Math.max(p.logStartOffset, p.highWatermark - count),
    until: p.highWatermark,
  }));
  const collected: RawRecord[] = [];
  await scanRanges(kafka, layout, ranges, {
    maxMessages: count * layout.partitions.length,
    signal,
    onRecords(records) {
      collected.push(...records);
    },
  });
  return collected.sort(newestFirst).slice(0, count);
}
