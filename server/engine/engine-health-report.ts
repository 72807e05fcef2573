import type { EngineHealth, TopicHealth } from "./engine-health";
import type { ResolvedEngineOptions } from "./engine-options";
import type { TopicIngest } from "./ingest/topic-ingest";
import { isHiddenTopic } from "./ingest/topic-visibility";

/** Health from what ingest last saw (high watermarks come with every fetch response). */
export function engineHealth(
  ingest: TopicIngest,
  options: ResolvedEngineOptions,
  gate: { busy: number; queued: number },
  served: { queriesReceived: number; catalogRequests: number },
): EngineHealth {
  const topics: TopicHealth[] = [...ingest.topics.values()].map((state) => {
    const columns = state.table.columns().filter((column) => column.misfits > 0);
    return {
      topic: state.topic,
      hidden: isHiddenTopic(state.topic, options.dlqTopic),
      ingestedMessages: state.ingestedMessages,
      corruptMessages: state.corruptMessages,
      misfitsByColumn: Object.fromEntries(columns.map((column) => [column.name, column.misfits])),
      misfitValues: columns.reduce((sum, column) => sum + column.misfits, 0),
      overflowMessages: state.overflowMessages,
      undecodedMessages: state.table.undecoded.count,
      newestTimestamp: state.newestTimestampMs === null ? null : new Date(state.newestTimestampMs).toISOString(),
      partitions: state.partitions
        .filter((partition) => partition !== undefined)
        .map((partition) => ({
          partition: partition.partition,
          ingestedOffset: partition.nextOffset.toString(),
          highWatermark: partition.highWatermark.toString(),
          logStartOffset: partition.logStartOffset.toString(),
          lagMessages: Math.max(0, Number(partition.highWatermark - partition.nextOffset)),
        })),
    };
  });
  const newest = Math.max(...[...ingest.topics.values()].map((state) => state.newestTimestampMs ?? -Infinity));
  const sum = (pick: (topic: TopicHealth) => number) => topics.reduce((total, topic) => total + pick(topic), 0);
  return {
    healthy: ingest.brokerReachable,
    brokerReachable: ingest.brokerReachable,
    lastError: ingest.lastError ?? null,
    ingestedMessages: sum((topic) => topic.ingestedMessages),
    lagMessages: sum((topic) => topic.partitions.reduce((total, p) => total + p.lagMessages, 0)),
    corruptMessages: sum((topic) => topic.corruptMessages),
    misfitValues: sum((topic) => topic.misfitValues),
    overflowMessages: sum((topic) => topic.overflowMessages),
    undecodedMessages: sum((topic) => topic.undecodedMessages),
    freshnessMs: Number.isFinite(newest) ? Math.max(0, Date.now() - newest) : null,
    runningQueries: gate.busy,
    queuedQueries: gate.queued,
    queriesReceived: served.queriesReceived,
    catalogRequests: served.catalogRequests,
    topics,
  };
}
