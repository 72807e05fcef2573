"use client";

import Link from "next/link";
import type { GroupDetail } from "@/lib/api/explorer";
import { Badge, ErrorNote, Panel, Stat, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatCount, topicHref } from "./format";
import { stateTone } from "./groups-overview";
import { LagChart } from "./lag-chart";
import { usePolledJson } from "./use-polled-json";

/** One consumer group: members, committed offset and lag per partition, lag over time. */
export function GroupDetailView({
  groupId,
  initial,
  initialError,
  isConnector,
}: {
  groupId: string;
  initial: GroupDetail | null;
  initialError: string | null;
  isConnector: boolean;
}) {
  const { data, error } = usePolledJson<GroupDetail>(`/api/kafka/groups/${encodeURIComponent(groupId)}`, initial);
  if (!data) return <ErrorNote message={error ?? initialError ?? "Reading the group…"} />;
  return (
    <div className="space-y-6">
      <ErrorNote message={error} />
      {isConnector ? (
        <p className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
          This is the warehouse sink connector. Its lag is how far the warehouse trails Kafka: messages already in Kafka that an analyst
          querying the warehouse cannot see yet.
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Total lag" value={formatCount(data.totalLag)} testId="group-lag" />
        <Stat label="State" value={<Badge tone={stateTone(data.state)}>{data.state.toLowerCase()}</Badge>} />
        <Stat label="Members" value={data.members.length} />
        <Stat label="Partitions" value={data.offsets.length} />
      </div>
      <Panel title="Lag over time">
        <LagChart samples={data.lagHistory} />
      </Panel>
      <div className="grid gap-6 xl:grid-cols-2">
        <Panel title="Offsets and lag per partition">
          <table className={tableClass} aria-label="Offsets and lag per partition">
            <thead>
              <tr>
                <th className={thClass} scope="col">
                  Topic
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Partition
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Committed
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  High watermark
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Lag
                </th>
              </tr>
            </thead>
            <tbody>
              {data.offsets.map((o) => (
                <tr key={`${o.topic}-${o.partition}`}>
                  <td className={tdClass}>
                    <Link href={topicHref(o.topic)} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      {o.topic}
                    </Link>
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>{o.partition}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {o.committedOffset < 0 ? "none" : formatCount(o.committedOffset)}
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(o.highWatermark)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(o.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Members">
          {data.members.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No active member (the group only holds committed offsets).</p>
          ) : (
            <table className={tableClass} aria-label="Members">
              <thead>
                <tr>
                  <th className={thClass} scope="col">
                    Client
                  </th>
                  <th className={thClass} scope="col">
                    Host
                  </th>
                  <th className={thClass} scope="col">
                    Assigned partitions
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.memberId}>
                    <td className={tdClass}>
                      <div className="font-medium">{m.clientId}</div>
                      <div className="break-all font-mono text-xs text-slate-500 dark:text-slate-400">{m.memberId}</div>
                    </td>
                    <td className={`${tdClass} font-mono text-xs`}>{m.clientHost}</td>
                    <td className={`${tdClass} font-mono text-xs`}>
                      {m.assignments.map((a) => `${a.topic} [${a.partitions.join(", ")}]`).join("; ") || "none"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
    </div>
  );
}
