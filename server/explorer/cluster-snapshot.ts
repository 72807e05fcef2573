import type { PartitionLag } from "../../lib/api/explorer";
import type { ExplorerKafka } from "./explorer-kafka";
import { readGroupStates, type GroupState } from "./consumer-group-state";
import { readLogDirSizes, type LogDirSizes } from "./log-dir-sizes";
import { listTopicNames, readTopicLayouts, type TopicLayout } from "./partition-watermarks";

/** One consistent-enough reading of the cluster: topics with watermarks, sizes, groups. */
export interface ClusterSnapshot {
  at: number;
  topics: TopicLayout[];
  sizes: LogDirSizes | null;
  groups: GroupState[];
  /** Set when Kafka did not answer the latest reading and this older one stands in for it. */
  staleBecause?: string;
}

export async function readClusterSnapshot(kafka: ExplorerKafka, previous?: ClusterSnapshot): Promise<ClusterSnapshot> {
  const names = await listTopicNames(kafka);
  const previousInternal = previous?.topics.filter((t) => t.internal);
  const [topics, groups] = await Promise.all([readTopicLayouts(kafka, names, previousInternal), readGroupStates(kafka)]);
  const sizes = await readLogDirSizes(
    kafka,
    topics.map((t) => ({ name: t.name, partitions: t.partitions.length })),
  );
  return { at: Date.now(), topics, sizes, groups };
}

/**
 * Per-partition lag of a group: high watermark minus the committed offset (or minus the log
 * start when nothing was committed or retention already removed the committed position).
 */
export function groupPartitionLags(snapshot: ClusterSnapshot, group: GroupState): PartitionLag[] {
  const lags: PartitionLag[] = [];
  const topicsByName = new Map(snapshot.topics.map((t) => [t.name, t]));
  const assignedTopics = new Set(group.members.flatMap((m) => m.assignments.map((a) => a.topic)));
  const topicNames = new Set([...group.committed.keys(), ...assignedTopics]);
  for (const topicName of [...topicNames].sort()) {
    const layout = topicsByName.get(topicName);
    if (!layout) continue;
    const committed = group.committed.get(topicName);
    for (const p of layout.partitions) {
      const committedOffset = committed?.get(p.partition) ?? -1;
      const position = committedOffset < 0 ? p.logStartOffset : Math.max(committedOffset, p.logStartOffset);
      lags.push({
        topic: topicName,
        partition: p.partition,
        committedOffset,
        logStartOffset: p.logStartOffset,
        highWatermark: p.highWatermark,
        lag: Math.max(0, p.highWatermark - position),
      });
    }
  }
  return lags;
}

export function totalLag(lags: PartitionLag[]): number {
  return lags.reduce((sum, l) => sum + l.lag, 0);
}
