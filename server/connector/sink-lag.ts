/**
 * How far the warehouse trails Kafka, measured from the warehouse's own offsets (not Kafka's
 * committed ones): messages = Σ (high watermark − loaded next offset) over partitions; seconds =
 * the age of the oldest consumed-but-unloaded message, or, when nothing is buffered, the age of the
 * newest loaded message (how stale the warehouse is) while there is anything left to load.
 */
export interface PartitionWatermarks {
  partition: number;
  low: number;
  high: number;
}

export function lagMessages(watermarks: PartitionWatermarks[], loadedNext: Map<number, number>): number {
  let lag = 0;
  for (const { partition, low, high } of watermarks) {
    const next = Math.max(loadedNext.get(partition) ?? low, low);
    lag += Math.max(0, high - next);
  }
  return lag;
}

export function lagSeconds(options: {
  lagMessages: number;
  nowMs: number;
  oldestBufferedTimestampMs: number | undefined;
  newestLoadedTimestampMs: number | undefined;
  sinceMs: number;
}): number {
  if (options.lagMessages <= 0) return 0;
  const reference = options.oldestBufferedTimestampMs ?? options.newestLoadedTimestampMs ?? options.sinceMs;
  return Math.max(0, (options.nowMs - reference) / 1000);
}
