import type { DeadLetterSummary, GroupDetail, GroupsOverview, TopicDetail, TopicsOverview } from "../../lib/api/explorer";
import { FomoError } from "../../lib/errors";
import { groupPartitionLags, totalLag, type ClusterSnapshot } from "./cluster-snapshot";
import { topicSize } from "./log-dir-sizes";
import { messagesIn } from "./partition-watermarks";
import type { SnapshotHistory } from "./snapshot-history";

/** The pure views of a snapshot the API serves (no I/O here, so they are cheap to test). */

function groupsReading(snapshot: ClusterSnapshot, topic: string) {
  return snapshot.groups.flatMap((group) => {
    const lags = groupPartitionLags(snapshot, group).filter((l) => l.topic === topic);
    return lags.length > 0 ? [{ group, lags }] : [];
  });
}

export function topicsOverview(
  snapshot: ClusterSnapshot,
  history: SnapshotHistory,
  deadLetter: DeadLetterSummary,
  options: { includeInternal: boolean },
): TopicsOverview {
  return {
    topics: snapshot.topics
      .filter((t) => options.includeInternal || !t.internal)
      .map((t) => ({
        name: t.name,
        internal: t.internal,
        partitions: t.partitions.length,
        messages: messagesIn(t.partitions),
        sizeBytes: topicSize(snapshot.sizes, t.name),
        producePerSec: history.producePerSec(t.name),
        consumerGroups: groupsReading(snapshot, t.name).map(({ group, lags }) => ({
          groupId: group.groupId,
          lag: totalLag(lags),
        })),
        deadLetter: t.name === deadLetter.topic,
      }))
      .sort((a, b) => Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name)),
    deadLetter,
    sampledAt: new Date(snapshot.at).toISOString(),
    staleBecause: snapshot.staleBecause ?? null,
  };
}

export function topicDetail(snapshot: ClusterSnapshot, history: SnapshotHistory, name: string): TopicDetail {
  const topic = snapshot.topics.find((t) => t.name === name);
  if (!topic) throw new FomoError("not_found:topic", `Topic "${name}" does not exist`);
  return {
    name,
    internal: topic.internal,
    messages: messagesIn(topic.partitions),
    sizeBytes: topicSize(snapshot.sizes, name),
    producePerSec: history.producePerSec(name),
    partitions: topic.partitions.map((p) => ({
      partition: p.partition,
      leader: p.leader,
      logStartOffset: p.logStartOffset,
      highWatermark: p.highWatermark,
      messages: Math.max(0, p.highWatermark - p.logStartOffset),
      sizeBytes: snapshot.sizes?.get(name)?.get(p.partition) ?? null,
    })),
    consumerGroups: groupsReading(snapshot, name).map(({ group, lags }) => ({
      groupId: group.groupId,
      state: group.state,
      lag: totalLag(lags),
      partitions: lags,
    })),
    sampledAt: new Date(snapshot.at).toISOString(),
    staleBecause: snapshot.staleBecause ?? null,
  };
}

export function groupsOverview(snapshot: ClusterSnapshot): GroupsOverview {
  return {
    groups: snapshot.groups.map((group) => {
      const lags = groupPartitionLags(snapshot, group);
      return {
        groupId: group.groupId,
        state: group.state,
        protocolType: group.protocolType,
        members: group.members.length,
        topics: [...new Set(lags.map((l) => l.topic))],
        totalLag: totalLag(lags),
      };
    }),
    sampledAt: new Date(snapshot.at).toISOString(),
    staleBecause: snapshot.staleBecause ?? null,
  };
}

export function groupDetail(snapshot: ClusterSnapshot, history: SnapshotHistory, groupId: string): GroupDetail {
  const group = snapshot.groups.find((g) => g.groupId === groupId);
  if (!group) throw new FomoError("not_found:consumer_group", `Consumer group "${groupId}" does not exist`);
  const offsets = groupPartitionLags(snapshot, group);
  return {
    groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: group.members,
    offsets,
    totalLag: totalLag(offsets),
    lagHistory: history.lagHistory(groupId),
    sampledAt: new Date(snapshot.at).toISOString(),
    staleBecause: snapshot.staleBecause ?? null,
  };
}
