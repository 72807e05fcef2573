import { AssignerProtocol, type Admin, type GroupDescription } from "../kafka/kafkajs-client";
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

/** A member's assigned partitions, decoded from the consumer protocol; none for other protocols (Connect...). */
function assignmentsOf(memberAssignment: Buffer): { topic: string; partitions: number[] }[] {
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(memberAssignment);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions }));
  } catch {
    return [];
  }
}

async function describeMembers(admin: Admin, groupIds: string[]): Promise<Map<string, GroupDescription>> {
  try {
    const { groups } = await admin.describeGroups(groupIds);
    return new Map(groups.map((group) => [group.groupId, group]));
  } catch {
    // A group using a protocol the classic DescribeGroups cannot decode must not hide the others'
    // offsets and lag: fall back to what ListGroups and OffsetFetch tell.
    return new Map();
  }
}

/** Committed offsets of every topic of the group (`fetchOffsets` without topics asks for all of them). */
async function committedOffsets(admin: Admin, groupId: string): Promise<Map<string, Map<number, number>>> {
  const topics = await admin.fetchOffsets({ groupId });
  return new Map(topics.map(({ topic, partitions }) => [topic, new Map(partitions.map((p) => [p.partition, Number(p.offset)]))]));
}

/** State, members and committed offsets of every consumer group on the cluster (kafkajs). */
export async function readGroupStates(kafka: ExplorerKafka): Promise<GroupState[]> {
  try {
    return await kafka.withAdmin(async (admin) => {
      const listed = new Map((await admin.listGroups()).groups.map((group) => [group.groupId, group]));
      const groupIds = [...listed.keys()].sort();
      if (groupIds.length === 0) return [];
      const [described, committed] = await Promise.all([
        describeMembers(admin, groupIds),
        Promise.all(groupIds.map((groupId) => committedOffsets(admin, groupId))),
      ]);
      return groupIds.map((groupId, i) => {
        const detail = described.get(groupId);
        const members: GroupMemberState[] = (detail?.members ?? []).map((member) => ({
          memberId: member.memberId,
          clientId: member.clientId,
          clientHost: member.clientHost,
          assignments: assignmentsOf(member.memberAssignment),
        }));
        return {
          groupId,
          // Upper case, as the UI shows it (kafkajs passes the broker's "Stable", "Empty"...).
          state: (detail?.state ?? "UNKNOWN").toUpperCase(),
          protocolType: detail?.protocolType || listed.get(groupId)?.protocolType || "",
          protocol: detail?.protocol ?? "",
          members,
          committed: committed[i] ?? new Map(),
        };
      });
    });
  } catch (cause) {
    throw kafkaError(cause, "reading consumer groups");
  }
}
