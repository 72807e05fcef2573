import type { ExplorerKafka } from "./explorer-kafka";
import { kafkaError } from "./explorer-kafka";
import type { RawRecord } from "./explorer-message";
import type { TopicLayout } from "./partition-watermarks";

const IS_CONTROL_BATCH = 1 << 5;
const LOG_APPEND_TIME = 1 << 3;
const READ_UNCOMMITTED = 0;

export interface PartitionFetchResult {
  partition: number;
  records: RawRecord[];
  /** Where the next fetch of this partition starts. */
  nextOffset: number;
  highWatermark: number;
  logStartOffset: number;
}

export interface FetchBounds {
  /** Upper bound of the whole response, per leader. */
  maxBytes: number;
  /** Upper bound per partition (the broker still returns one whole batch if it is bigger). */
  partitionMaxBytes: number;
}

export const DEFAULT_FETCH_BOUNDS: FetchBounds = { maxBytes: 2 * 1024 * 1024, partitionMaxBytes: 512 * 1024 };

/**
 * One bounded Fetch of the given partitions at explicit offsets, grouped by leader, with no
 * consumer group involved. Records before the requested offset (a batch can start earlier) and
 * control records are dropped. Returns immediately when nothing is there (maxWaitTime 0), so a
 * shared connection is never held by a long poll.
 */
export async function fetchPartitions(
  kafka: ExplorerKafka,
  layout: TopicLayout,
  positions: Map<number, number>,
  bounds: FetchBounds = DEFAULT_FETCH_BOUNDS,
): Promise<PartitionFetchResult[]> {
  const byLeader = new Map<number, number[]>();
  for (const partition of positions.keys()) {
    const leader = layout.partitions[partition]?.leader;
    if (leader === undefined) continue;
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition]);
  }
  try {
    const responses = await Promise.all(
      [...byLeader.entries()].map(([node, partitions]) =>
        kafka.fetcher.fetch({
          node,
          maxWaitTime: 0,
          minBytes: 1,
          maxBytes: bounds.maxBytes,
          isolationLevel: READ_UNCOMMITTED,
          topics: [
            {
              topicId: layout.id,
              partitions: partitions.map((partition) => ({
                partition,
                currentLeaderEpoch: -1,
                fetchOffset: BigInt(positions.get(partition) ?? 0),
                lastFetchedEpoch: -1,
                partitionMaxBytes: bounds.partitionMaxBytes,
              })),
            },
          ],
        }),
      ),
    );
    return responses.flatMap((response) =>
      response.responses.flatMap((topic) =>
        topic.partitions.map((p) => {
          const from = positions.get(p.partitionIndex) ?? 0;
          let nextOffset = from;
          const records: RawRecord[] = [];
          for (const batch of p.records ?? []) {
            const firstOffset = Number(batch.firstOffset);
            nextOffset = Math.max(nextOffset, firstOffset + batch.lastOffsetDelta + 1);
            if ((batch.attributes & IS_CONTROL_BATCH) !== 0) continue;
            const appendTime = (batch.attributes & LOG_APPEND_TIME) !== 0;
            for (const record of batch.records) {
              const offset = firstOffset + record.offsetDelta;
              if (offset < from) continue;
              records.push({
                topic: layout.name,
                partition: p.partitionIndex,
                offset,
                timestampMs: Number(appendTime ? batch.maxTimestamp : batch.firstTimestamp + record.timestampDelta),
                key: record.key,
                value: record.value,
                headers: record.headers,
              });
            }
          }
          return {
            partition: p.partitionIndex,
            records,
            nextOffset,
            highWatermark: Number(p.highWatermark),
            logStartOffset: Number(p.logStartOffset),
          };
        }),
      ),
    );
  } catch (cause) {
    throw kafkaError(cause, `reading messages of "${layout.name}"`, layout.name);
  }
}
