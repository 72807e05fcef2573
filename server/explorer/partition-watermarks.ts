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

/**
 * Every topic the broker knows, without offsets. Internal ones (the broker's own, all named `__*`:
 * `__consumer_offsets`, `__transaction_state`...) are flagged: the explorer shows their offsets
 * and sizes on request but does not tail or search them.
 */
export async function listTopicNames(kafka: ExplorerKafka): Promise<{ name: string; internal: boolean }[]> {
  try {
    const names = await kafka.withAdmin((admin) => admin.listTopics());
    kafka.noteListedTopics(names);
    return names.map((name) => ({ name, internal: name.startsWith("__") }));
  } catch (cause) {
    throw kafkaError(cause, "listing topics");
  }
}

/** Leaders and both watermarks of every partition of `names` (one metadata request, two ListOffsets per topic). */
async function readPartitions(kafka: ExplorerKafka, names: string[]): Promise<Map<string, PartitionWatermarks[]>> {
  return kafka.withAdmin(async (admin) => {
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    const entries = await Promise.all(
      topics.map(async (topic): Promise<[string, PartitionWatermarks[]]> => {
        const offsets = new Map((await admin.fetchTopicOffsets(topic.name)).map((o) => [o.partition, o]));
        const partitions = [...topic.partitions]
          .sort((a, b) => a.partitionId - b.partitionId)
          .map((p) => ({
            partition: p.partitionId,
            leader: p.leader,
            logStartOffset: Number(offsets.get(p.partitionId)?.low ?? 0),
            highWatermark: Number(offsets.get(p.partitionId)?.high ?? 0),
          }));
        return [topic.name, partitions];
      }),
    );
    return new Map(entries);
  }, names);
}

/**
 * Leaders, log start and high watermark of every partition of the given topics (kafkajs), and the
 * regular topics' IDs (the fetch path: Fetch v17 addresses topics by ID). Message count of a
 * partition = high watermark - log start.
 */
export async function readTopicLayouts(
  kafka: ExplorerKafka,
  topics: { name: string; internal: boolean }[],
  previousInternal: TopicLayout[] = [],
): Promise<TopicLayout[]> {
  if (topics.length === 0) return [];
  const single = topics.length === 1 ? topics[0]?.name : undefined;
  try {
    const regular = topics.filter((t) => !t.internal).map((t) => t.name);
    const internal = topics.filter((t) => t.internal).map((t) => t.name);
    const [partitions, ids, internalLayouts] = await Promise.all([
      regular.length > 0 ? readPartitions(kafka, regular) : new Map<string, PartitionWatermarks[]>(),
      kafka.fetchPath.topicIds(regular),
      internal.length > 0
        ? readInternalTopicLayouts(kafka, internal).catch(() => {
            // Internal topics are a side panel (`?internal=1`): one of them briefly without a
            // leader, as `__consumer_offsets` is right after the first group creates it, must
            // not fail the topics and groups everyone looks at. Their last reading stands in.
            const wanted = new Set(internal);
            return previousInternal.filter((t) => wanted.has(t.name));
          })
        : [],
    ]);
    const regularLayouts = regular.flatMap((name) => {
      const layout = partitions.get(name);
      const id = ids.get(name);
      return layout && id ? [{ name, id, internal: false, partitions: layout }] : [];
    });
    return [...regularLayouts, ...internalLayouts];
  } catch (cause) {
    throw kafkaError(cause, "reading partition offsets", single);
  }
}

/** Internal topics get no topic ID: the explorer shows their offsets and sizes but does not tail or search them. */
async function readInternalTopicLayouts(kafka: ExplorerKafka, names: string[]): Promise<TopicLayout[]> {
  const partitions = await readPartitions(kafka, names);
  return [...partitions].map(([name, layout]) => ({ name, id: "", internal: true, partitions: layout }));
}

export function messagesIn(partitions: PartitionWatermarks[]): number {
  return partitions.reduce((sum, p) => sum + Math.max(0, p.highWatermark - p.logStartOffset), 0);
}
