import type { PartitionWatermarks } from "./sink-lag";
import type { StoredSinkOffset } from "./sink-offsets";

/**
 * Whether the offsets stored for a topic were counted in the topic Kafka has now, or in another
 * incarnation of it (deleted and re-created, a wiped broker, a warehouse kept across brokers).
 * Offsets of another incarnation mean nothing here: trusting them skips the new topic's first
 * messages, or waits forever for a shorter topic to reach them.
 */
export type IncarnationVerdict = { kind: "same" } | { kind: "other"; reason: string };

export function judgeIncarnation(
  topic: string,
  stored: Map<number, StoredSinkOffset>,
  currentTopicId: string,
  watermarks: PartitionWatermarks[],
): IncarnationVerdict {
  const foreignIds = new Set(
    [...stored.values()].flatMap(({ topicId }) => (topicId !== null && topicId !== currentTopicId ? [topicId] : [])),
  );
  if (foreignIds.size > 0) {
    return {
      kind: "other",
      reason: `the stored offsets belong to topic ID ${[...foreignIds].join(", ")}, but ${topic} now has topic ID ${currentTopicId} (deleted and re-created, or another broker)`,
    };
  }
  // Rows from before topic IDs were recorded: only an offset Kafka has never reached gives them away.
  const highs = new Map(watermarks.map(({ partition, high }) => [partition, high]));
  const impossible: string[] = [];
  for (const [partition, { next, topicId }] of [...stored].sort((a, b) => a[0] - b[0])) {
    if (topicId !== null) continue;
    const high = highs.get(partition);
    if (high === undefined) impossible.push(`partition ${partition} no longer exists`);
    else if (next > high) impossible.push(`${partition}: next ${next} > high watermark ${high}`);
  }
  if (impossible.length > 0) {
    return { kind: "other", reason: `legacy offsets (no topic ID) are beyond what ${topic} holds: ${impossible.join("; ")}` };
  }
  return { kind: "same" };
}

/**
 * Where loading resumes in a partition: the stored next offset, unless retention already removed
 * it (then from the log start, and `gap` messages were never loaded). That is the same topic, not
 * a new incarnation.
 */
export function resumePosition(storedNext: number | undefined, logStart: number): { offset: number; gap: number } {
  if (storedNext === undefined || storedNext >= logStart) return { offset: storedNext ?? logStart, gap: 0 };
  return { offset: logStart, gap: logStart - storedNext };
}
