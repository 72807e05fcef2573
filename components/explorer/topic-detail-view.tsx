"use client";

import Link from "next/link";
import type { TopicDetail } from "@/lib/api/explorer";
import { Badge, ErrorNote, Panel, Stat, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatBytes, formatCount, formatRate, groupHref } from "./format";
import { usePolledJson } from "./use-polled-json";

/** A topic's figures and per-partition offsets, refreshed every 2 s. */
export function TopicDetailView({
  name,
  initial,
  initialError,
}: {
  name: string;
  initial: TopicDetail | null;
  initialError: string | null;
}) {
  const { data, error } = usePolledJson<TopicDetail>(`/api/kafka/topics/${encodeURIComponent(name)}`, initial);
  if (!data) return <ErrorNote message={error ?? initialError ?? "Reading the topic…"} />;
  return (
    <div className="space-y-6">
      <ErrorNote message={error} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Messages" value={formatCount(data.messages)} testId="topic-total-messages" />
        <Stat label="Partitions" value={data.partitions.length} />
        <Stat label="Produce rate" value={formatRate(data.producePerSec)} />
        <Stat label="Size on disk" value={formatBytes(data.sizeBytes)} />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Panel title="Partitions">
          <table className={tableClass} aria-label="Partitions">
            <thead>
              <tr>
                <th className={thClass} scope="col">
                  Partition
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Log start
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  High watermark
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Messages
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Size
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Leader
                </th>
              </tr>
            </thead>
            <tbody>
              {data.partitions.map((p) => (
                <tr key={p.partition} data-testid={`partition-row-${p.partition}`}>
                  <td className={`${tdClass} tabular-nums`}>{p.partition}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.logStartOffset)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.highWatermark)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.messages)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatBytes(p.sizeBytes)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{p.leader}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Consumer groups reading it">
          {data.consumerGroups.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No consumer group has committed offsets on this topic.</p>
          ) : (
            <table className={tableClass} aria-label="Consumer groups reading this topic">
              <thead>
                <tr>
                  <th className={thClass} scope="col">
                    Group
                  </th>
                  <th className={thClass} scope="col">
                    State
                  </th>
                  <th className={`${thClass} text-right`} scope="col">
                    Lag per partition
                  </th>
                  <th className={`${thClass} text-right`} scope="col">
                    Total lag
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.consumerGroups.map((group) => (
                  <tr key={group.groupId}>
                    <td className={tdClass}>
                      <Link href={groupHref(group.groupId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                        {group.groupId}
                      </Link>
                    </td>
                    <td className={tdClass}>
                      <Badge tone={group.state === "STABLE" ? "green" : "slate"}>{group.state.toLowerCase()}</Badge>
                    </td>
                    <td className={`${tdClass} text-right font-mono text-xs`}>
                      {group.partitions.map((p) => `p${p.partition}: ${formatCount(p.lag)}`).join("  ")}
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>{formatCount(group.lag)}</td>
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
