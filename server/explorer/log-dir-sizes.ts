import type { ExplorerKafka } from "./explorer-kafka";

/** Bytes on disk per topic and partition: `sizes.get(topic)?.get(partition)`. */
export type LogDirSizes = Map<string, Map<number, number>>;

/**
 * Sizes from DescribeLogDirs (summed over log dirs and brokers), through the fetch path: kafkajs
 * 2.2 has no DescribeLogDirs. Returns null when the broker does not tell (old broker, missing
 * permission): the UI then shows "n/a", never a guess.
 */
export async function readLogDirSizes(kafka: ExplorerKafka, topics: { name: string; partitions: number }[]): Promise<LogDirSizes | null> {
  try {
    return await kafka.fetchPath.logDirSizes(topics);
  } catch {
    return null;
  }
}

export function topicSize(sizes: LogDirSizes | null, topic: string): number | null {
  if (!sizes) return null;
  const perPartition = sizes.get(topic);
  if (!perPartition) return null;
  let total = 0;
  for (const size of perPartition.values()) total += size;
  return total;
}
