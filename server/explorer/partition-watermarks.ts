import type { ExplorerKafka } from "./explorer-kafka";
import { kafkaError } from "./explorer-kafka";

export interface PartitionWatermarks {
  partition: number;
  leader: number;
  logStartOffset: number;
  highWatermark: number;
}

export interface TopicLayout {
  name: string;
  id: string;
  internal: boolean;
  partitions: PartitionWatermarks[];
}

const LATEST = -1n;
const EARLIEST = -2n;

/** Every topic the broker knows (internal ones included, flagged), without offsets. */
export async function listTopicNames(kafka: ExplorerKafka): Promise<{ name: string; internal: boolean }[]> {
  try {
    const [all, external] = await Promise.all([
      kafka.admin.listTopics({ includeInternals: true }),
      kafka.admin.listTopics({ includeInternals: false }),
    ]);
    const externalSet = new Set(external);
    return all.map((name) => ({ name, internal: !externalSet.has(name) || name.startsWith("__") }));
  } catch (cause) {
    throw kafkaError(cause, "listing topics");
  }
}

async function listOffsetsAt(kafka: ExplorerKafka, layouts: { name: string; partitions: number }[], timestamp: bigint) {
  const listed = await kafka.admin.listOffsets({
    topics: layouts.map(({ name, partitions }) => ({
      name,
      partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp })),
    })),
  });
  const byTopic = new Map<string, Map<number, number>>();
  for (const topic of listed) {
    byTopic.set(topic.name, new Map(topic.partitions.map((p) => [p.partitionIndex, Number(p.offset)])));
  }
  return byTopic;
}

/**
 * Log start and high watermark of every partition of the given topics, read in two ListOffsets
 * requests (earliest, latest). Message count of a partition = high watermark - log start.
 */
export async function readTopicLayouts(
  kafka: ExplorerKafka,
  topics: { name: string; internal: boolean }[],
  previousInternal: TopicLayout[] = [],
): Promise<TopicLayout[]> {
  if (topics.length === 0) return [];
  const single = topics.length === 1 ? topics[0]?.name : undefined;
  try {
    const regular = topics.filter((t) => !t.internal);
    const internal = topics.filter((t) => t.internal);
    const metadata = regular.length > 0 ? await kafka.admin.metadata({ topics: regular.map((t) => t.name), forceUpdate: true }) : undefined;
    const present = regular.flatMap((topic) => {
      const meta = metadata?.topics.get(topic.name);
      return meta ? [{ ...topic, meta }] : [];
    });
    const shape = present.map(({ name, meta }) => ({ name, partitions: meta.partitionsCount }));
    const [earliest, latest] = await Promise.all([listOffsetsAt(kafka, shape, EARLIEST), listOffsetsAt(kafka, shape, LATEST)]);
    const internalLayouts =
      internal.length > 0
        ? await readInternalTopicLayouts(
            kafka,
            internal.map((t) => t.name),
          ).catch(() => {
            // Internal topics are a side panel (`?internal=1`): one of them briefly without a
            // leader, as `__consumer_offsets` is right after the first group creates it, must
            // not fail the topics and groups everyone looks at. Their last reading stands in.
            const wanted = new Set(internal.map((t) => t.name));
            return previousInternal.filter((t) => wanted.has(t.name));
          })
        : [];
    const regularLayouts = present.map(({ name, internal, meta }) => ({
      name,
      id: meta.id,
      internal,
      partitions: meta.partitions.map((partitionMeta, partition) => ({
        partition,
        leader: partitionMeta.leader,
        logStartOffset: earliest.get(name)?.get(partition) ?? 0,
        highWatermark: latest.get(name)?.get(partition) ?? 0,
      })),
    }));
    return [...regularLayouts, ...internalLayouts];
  } catch (cause) {
    throw kafkaError(cause, "reading partition offsets", single);
  }
}

/**
 * Internal topics through kafkajs (see ExplorerKafka.internalAdmin). They get no topic id, so the
 * explorer shows their offsets and sizes but does not tail or search them.
 */
async function readInternalTopicLayouts(kafka: ExplorerKafka, names: string[]): Promise<TopicLayout[]> {
  const internalAdmin = await kafka.internalAdmin();
  const { topics } = await internalAdmin.fetchTopicMetadata({ topics: names });
  return Promise.all(
    topics.map(async (topic) => {
      const offsets = await internalAdmin.fetchTopicOffsets(topic.name);
      const byPartition = new Map(offsets.map((o) => [o.partition, o]));
      return {
        name: topic.name,
        id: "",
        internal: true,
        partitions: [...topic.partitions]
          .sort((a, b) => a.partitionId - b.partitionId)
          .map((p) => ({
            partition: p.partitionId,
            leader: p.leader,
            logStartOffset: Number(byPartition.get(p.partitionId)?.low ?? 0),
            highWatermark: Number(byPartition.get(p.partitionId)?.high ?? 0),
          })),
      };
    }),
  );
}

export function messagesIn(partitions: PartitionWatermarks[]): number {
  return partitions.reduce((sum, p) => sum + Math.max(0, p.highWatermark - p.logStartOffset), 0);
}
