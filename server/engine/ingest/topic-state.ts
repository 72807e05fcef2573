import type { TopicTable } from "../store/topic-table";

/** What the engine knows about one partition it tails. */
export interface PartitionState {
  partition: number;
  leader: number;
  leaderEpoch: number;
  /** Next offset to fetch = every message below it is in DuckDB. */
  nextOffset: bigint;
  /** Next offset to request from Kafka: ahead of `nextOffset` while a fetched batch is being written. */
  fetchOffset: bigint;
  /** As last reported by the broker (fetch responses and offset look-ups). */
  highWatermark: bigint;
  logStartOffset: bigint;
  /** Rows below this offset have been deleted from DuckDB (retention). */
  deletedBelow: bigint;
}

export interface TopicState {
  topic: string;
  topicId: string;
  table: TopicTable;
  partitions: PartitionState[];
  ingestedMessages: number;
  corruptMessages: number;
  /** Objects with fields that could not be columns (kept whole in `_raw`). */
  overflowMessages: number;
  /** Kafka timestamp of the newest ingested message, for freshness. */
  newestTimestampMs: number | null;
}
