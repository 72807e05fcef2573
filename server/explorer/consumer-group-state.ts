import type { ExplorerKafka } from "./explorer-kafka";
import { kafkaError } from "./explorer-kafka";

export interface GroupMemberState {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignments: { topic: string; partitions: number[] }[];
}

export interface GroupState {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: GroupMemberState[];
  /** Committed offsets: `committed.get(topic)?.get(partition)`; groups may commit without members. */
  committed: Map<string, Map<number, number>>;
}

async function describeMembers(kafka: ExplorerKafka, groupIds: string[]) {
  try {
    return await kafka.admin.describeGroups({ groups: groupIds });
  } catch {
    // A group using a protocol the classic DescribeGroups cannot decode must not hide the others'
    // offsets and lag: fall back to what ListGroups and OffsetFetch tell.
    return new Map();
  }
}

/** State, members and committed offsets of every consumer group on the cluster. */
export async function readGroupStates(kafka: ExplorerKafka): Promise<GroupState[]> {
  try {
    const listed = await kafka.admin.listGroups();
    const groupIds = [...listed.keys()].sort();
    if (groupIds.length === 0) return [];
    const [described, offsets] = await Promise.all([
      describeMembers(kafka, groupIds),
      kafka.admin.listConsumerGroupOffsets({ groups: groupIds }),
    ]);
    const committedByGroup = new Map(
      offsets.map((group) => [
        group.groupId,
        new Map(
          group.topics.map((topic) => [topic.name, new Map(topic.partitions.map((p) => [p.partitionIndex, Number(p.committedOffset)]))]),
        ),
      ]),
    );
    return groupIds.map((groupId) => {
      const base = listed.get(groupId);
      const detail = described.get(groupId);
      const members: GroupMemberState[] = detail
        ? [...detail.members.values()].map((member) => ({
            memberId: member.id,
            clientId: member.clientId,
            clientHost: member.clientHost,
            assignments: member.assignments ? [...member.assignments.values()] : [],
          }))
        : [];
      return {
        groupId,
        state: String(detail?.state ?? base?.state ?? "UNKNOWN"),
        protocolType: detail?.protocolType ?? base?.protocolType ?? "",
        protocol: detail?.protocol ?? "",
        members,
        committed: committedByGroup.get(groupId) ?? new Map(),
      };
    });
  } catch (cause) {
    throw kafkaError(cause, "reading consumer groups");
  }
}
