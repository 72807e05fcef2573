import { unframedText } from "../../decoding/unframed-text";
import type { ValueDecoder } from "../../decoding/value-decoder";
import { StagedRows } from "../store/staged-rows";
import { ingestBatchOf, type IngestBatch } from "../store/topic-table";
import type { FramedRecord } from "../store/undecoded-store";
import { decodeFramedRecords } from "./framed-records";
import type { FetchRequestTopic, LeanFetchResponse } from "../../kafka/lean-fetch";
import { decodeRecordBatches, headersAsJson } from "../../kafka/record-batch-decoder";
import type { PartitionState, TopicState } from "./topic-state";

export type { FetchRequestTopic };

const PARTITION_MAX_BYTES = 8 * 1024 * 1024;

/** The decoded messages of one topic from one fetch, with the offsets they bring each partition to. */
export interface FetchedBatch {
  state: TopicState;
  batch: IngestBatch;
  advanced: [PartitionState, bigint][];
}

/** One fetch request per partition leader, each partition from its fetch offset. */
export function fetchRequestsByLeader(topics: Iterable<TopicState>): Map<number, FetchRequestTopic[]> {
  const byLeader = new Map<number, Map<string, FetchRequestTopic>>();
  for (const state of topics) {
    for (const partition of state.partitions) {
      if (!partition || partition.leader < 0) continue;
      let requests = byLeader.get(partition.leader);
      if (!requests) byLeader.set(partition.leader, (requests = new Map()));
      let request = requests.get(state.topicId);
      if (!request) requests.set(state.topicId, (request = { topicId: state.topicId, partitions: [] }));
      request.partitions.push({
        partition: partition.partition,
        fetchOffset: partition.fetchOffset,
        partitionMaxBytes: PARTITION_MAX_BYTES,
        currentLeaderEpoch: -1,
        lastFetchedEpoch: -1,
      });
    }
  }
  return new Map([...byLeader].map(([leader, requests]) => [leader, [...requests.values()]]));
}

/**
 * Decodes a fetch response into one batch per topic and moves the fetch offsets past it. Every key
 * and value goes through server/decoding: unframed ones on its synchronous fast path (their text,
 * parsed later by DuckDB, as before the registry formats), Confluent-framed ones through the
 * decoder and the registry (see framed-records.ts).
 */
export async function decodeFetch(
  topics: Iterable<TopicState>,
  response: LeanFetchResponse,
  decoder: ValueDecoder,
): Promise<FetchedBatch[]> {
  const byId = new Map([...topics].map((state) => [state.topicId, state]));
  const batches: FetchedBatch[] = [];
  for (const topicResponse of response.responses) {
    const state = byId.get(topicResponse.topicId);
    if (!state) continue;
    const rows = new StagedRows();
    const framed: FramedRecord[] = [];
    const advanced: [PartitionState, bigint][] = [];
    for (const partitionResponse of topicResponse.partitions) {
      const partition = state.partitions[partitionResponse.partitionIndex];
      if (!partition || partitionResponse.errorCode !== 0) continue;
      partition.highWatermark = partitionResponse.highWatermark;
      if (partitionResponse.logStartOffset > partition.logStartOffset) partition.logStartOffset = partitionResponse.logStartOffset;
      const index = partition.partition;
      let next = partition.fetchOffset;
      if (partitionResponse.records) {
        const after = decodeRecordBatches(
          partitionResponse.records,
          Number(next),
          {
            record: (offset, timestampMs, bytes, keyStart, keyLength, valueStart, valueLength, headers) => {
              const key = keyLength < 0 ? null : unframedText(bytes, keyStart, keyStart + keyLength);
              // A tombstone (null value, length -1) is no data either way: an empty value.
              const valueEnd = valueStart + Math.max(0, valueLength);
              const value = unframedText(bytes, valueStart, valueEnd);
              if (key !== undefined && value !== undefined) {
                rows.push(index, offset, timestampMs, key, value, headers);
                return;
              }
              const keyBytes = keyLength < 0 ? null : bytes.subarray(keyStart, keyStart + keyLength);
              framed.push({
                partition: index,
                offset,
                timestampMs,
                key: keyBytes,
                value: bytes.subarray(valueStart, valueEnd),
                headers,
              });
            },
          },
          headersAsJson,
        );
        next = BigInt(after);
      }
      if (next < partition.logStartOffset) next = partition.logStartOffset;
      if (next !== partition.fetchOffset) {
        partition.fetchOffset = next;
        advanced.push([partition, next]);
      }
    }
    if (advanced.length === 0) continue;
    const batch = ingestBatchOf(rows);
    if (framed.length > 0) {
      await decodeFramedRecords(framed, decoder, batch);
      for (const record of framed) rows.noteTimestamp(record.timestampMs);
    }
    batches.push({ state, batch, advanced });
  }
  return batches;
}
