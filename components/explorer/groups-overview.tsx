"use client";

import Link from "next/link";
import type { GroupsOverview } from "@/lib/api/explorer";
import { Badge, ErrorNote, Panel, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatCount, groupHref, topicHref } from "./format";

import { usePolledJson } from "./use-polled-json";

export function stateTone(state: string): "green" | "amber" | "slate" {
  if (state === "STABLE") return "green";
  if (state.includes("REBALANCE")) return "amber";
  return "slate";
}

/** Every consumer group with state, members, topics and total lag, refreshed every 2 s. */
export function GroupsOverviewView({
  initial,
  initialError,
  connectorGroup,
}: {
  initial: GroupsOverview | null;
  initialError: string | null;
  connectorGroup: string;
}) {
  const { data, error } = usePolledJson<GroupsOverview>("/api/kafka/groups", initial);
  return (
    <div className="space-y-4">
      <ErrorNote message={error ?? (data ? null : initialError)} />
      <Panel title="Consumer groups">
        <table className={tableClass} aria-label="Consumer groups">
          <thead>
            <tr>
              <th className={thClass} scope="col">
                Group
              </th>
              <th className={thClass} scope="col">
                State
              </th>
              <th className={`${thClass} text-right`} scope="col">
                Members
              </th>
              <th className={thClass} scope="col">
                Topics
              </th>
              <th className={`${thClass} text-right`} scope="col">
                Total lag
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.groups.map((group) => (
              <tr key={group.groupId} data-testid={`group-row-${group.groupId}`}>
                <td className={tdClass}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={groupHref(group.groupId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {group.groupId}
                    </Link>
                    {group.groupId === connectorGroup ? <Badge tone="indigo">warehouse sink connector</Badge> : null}
                  </div>
                </td>
                <td className={tdClass}>
                  <Badge tone={stateTone(group.state)}>{group.state.toLowerCase()}</Badge>
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{group.members}</td>
                <td className={tdClass}>
                  {group.topics.map((topic) => (
                    <Link key={topic} href={topicHref(topic)} className="mr-2 hover:underline">
                      {topic}
                    </Link>
                  ))}
                </td>
                <td className={`${tdClass} text-right tabular-nums`} data-testid="group-total-lag">
                  {formatCount(group.totalLag)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.groups.length === 0 ? <p className="p-3 text-sm text-slate-500 dark:text-slate-400">No consumer groups.</p> : null}
      </Panel>
    </div>
  );
}
