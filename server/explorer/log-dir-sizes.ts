import type { ExplorerKafka } from "./explorer-kafka";

/** Bytes on disk per topic and partition: `sizes.get(topic)?.get(partition)`. */
export type LogDirSizes = Map<string, Map<number, number>>;

/**
 * Sizes from DescribeLogDirs (summed over log dirs and brokers). Returns null when the broker
 * does not tell (old broker, missing permission): the UI then shows "n/a", never a guess.
 */
export async function readLogDirSizes(kafka: ExplorerKafka, topics: { name: string; partitions: number }[]): Promise<LogDirSizes | null> {
  if (topics.length === 0) return new Map();
  try {
    const brokers = await kafka.admin.describeLogDirs({
      topics: topics.map(({ name, partitions }) => ({ name, partitions: Array.from({ length: partitions }, (_, i) => i) })),
    });
    const sizes: LogDirSizes = new Map();
    for (const broker of brokers) {
      for (const dir of broker.results) {
        for (const topic of dir.topics) {
          const perPartition = sizes.get(topic.name) ?? new Map<number, number>();
          for (const p of topic.partitions) {
            if (p.isFutureKey) continue;
            perPartition.set(p.partitionIndex, (perPartition.get(p.partitionIndex) ?? 0) + Number(p.partitionSize));
          }
          sizes.set(topic.name, perPartition);
        }
      }
    }
    return sizes;
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
