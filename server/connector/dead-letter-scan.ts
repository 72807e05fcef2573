import type { ExplorerKafka } from "../explorer/explorer-kafka";
import { fetchPartitions } from "../explorer/record-fetch";
import { readTopicLayouts } from "../explorer/partition-watermarks";
import { FomoError } from "../../lib/errors";
import { DLQ_HEADERS } from "./dead-letter";

export interface DeadLetterScan {
  /** `partition:offset` of every letter of `sourceTopic` found in the scanned range. */
  delivered: Set<string>;
  /** Where the scan ended per DLQ partition (the high watermarks it read up to). */
  end: Map<number, number>;
}

/**
 * Reads the DLQ topic from `from` (per partition; 0 when unknown, bounded below by the log start)
 * to its current end and collects the source coordinates in the letters' headers: the letters a
 * relay already delivered, whatever it remembers. Raw fetches, no consumer group.
 */
export async function scanDeadLetters(
  kafka: ExplorerKafka,
  dlqTopic: string,
  sourceTopic: string,
  from: Map<number, number>,
): Promise<DeadLetterScan> {
  const [layout] = await readTopicLayouts(kafka, [{ name: dlqTopic, internal: false }]);
  if (!layout) throw new FomoError("unavailable:kafka", `the dead-letter topic ${dlqTopic} does not exist`, { canRetry: true });
  const delivered = new Set<string>();
  const end = new Map<number, number>();
  const positions = new Map<number, number>();
  for (const { partition, logStartOffset, highWatermark } of layout.partitions) {
    end.set(partition, highWatermark);
    const start = Math.max(from.get(partition) ?? 0, logStartOffset);
    if (start < highWatermark) positions.set(partition, start);
  }
  while (positions.size > 0) {
    const results = await fetchPartitions(kafka, layout, positions);
    let progressed = false;
    for (const result of results) {
      for (const record of result.records) {
        if (record.offset >= (end.get(result.partition) ?? 0)) continue;
        const headers = new Map(record.headers.map(([name, value]) => [name?.toString() ?? "", value?.toString() ?? ""]));
        if (headers.get(DLQ_HEADERS.topic) !== sourceTopic) continue;
        delivered.add(`${headers.get(DLQ_HEADERS.partition)}:${headers.get(DLQ_HEADERS.offset)}`);
      }
      const before = positions.get(result.partition) ?? 0;
      if (result.nextOffset > before) progressed = true;
      if (result.nextOffset >= (end.get(result.partition) ?? 0)) positions.delete(result.partition);
      else positions.set(result.partition, result.nextOffset);
    }
    // A fetch that returns nothing below the high watermark (a compacted or aborted range) ends it.
    if (!progressed) break;
  }
  return { delivered, end };
}
