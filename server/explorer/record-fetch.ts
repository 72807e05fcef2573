import type { LeanFetchPartition } from "../kafka/lean-fetch";
import { decodeRecordBatches, headerPairs } from "../kafka/record-batch-decoder";
import type { ExplorerKafka } from "./explorer-kafka";
import { kafkaError } from "./explorer-kafka";
import type { RawRecord } from "./explorer-message";
import type { TopicLayout } from "./partition-watermarks";

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
 * consumer group involved: the fetch path's (server/kafka/fetch-path.ts), the engine's own.
 * Records before the requested offset (a batch can start earlier) and control records are
 * dropped. Returns immediately when nothing is there (maxWait 0), so a shared connection is never
 * held by a long poll.
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
        kafka.fetchPath.fetchAtOffsets(node, {
          maxWaitMs: 0,
          minBytes: 1,
          maxBytes: bounds.maxBytes,
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
        topic.partitions.map((p) => partitionResult(layout.name, p, positions.get(p.partitionIndex) ?? 0)),
      ),
    );
  } catch (cause) {
    throw kafkaError(cause, `reading messages of "${layout.name}"`, layout.name);
  }
}

function partitionResult(topic: string, p: LeanFetchPartition, from: number): PartitionFetchResult {
  const records: RawRecord[] = [];
  const nextOffset = !p.records
    ? from
    : decodeRecordBatches(
        p.records,
        from,
        {
          record(offset, timestampMs, bytes, keyStart, keyLength, valueStart, valueLength, headers) {
            records.push({
              topic,
              partition: p.partitionIndex,
              offset,
              timestampMs,
              // Copies: a record must not keep the whole fetch response alive.
              key: keyLength < 0 ? null : Buffer.from(bytes.subarray(keyStart, keyStart + keyLength)),
              value: valueLength < 0 ? null : Buffer.from(bytes.subarray(valueStart, valueStart + valueLength)),
              headers: headers ?? [],
            });
          },
        },
        headerPairs,
      );
  return {
    partition: p.partitionIndex,
    records,
    nextOffset,
    highWatermark: Number(p.highWatermark),
    logStartOffset: Number(p.logStartOffset),
  };
}
