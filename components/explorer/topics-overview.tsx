"use client";

import Link from "next/link";
import { useState } from "react";
import type { TopicsOverview } from "@/lib/api/explorer";
import { DeadLetterPanel } from "./dead-letter-panel";
import { Badge, ErrorNote, Panel, tableClass, tdClass, thClass } from "./explorer-ui";
import { formatBytes, formatCount, formatRate, groupHref, topicHref } from "./format";
import { usePolledJson } from "./use-polled-json";

/** The topics table of /kafka, refreshed every 2 s, with internal topics behind a toggle. */
export function TopicsOverviewView({ initial, initialError }: { initial: TopicsOverview | null; initialError: string | null }) {
  const [showInternal, setShowInternal] = useState(false);
  const url = `/api/kafka/topics${showInternal ? "?internal=1" : ""}`;
  const { data, error } = usePolledJson<TopicsOverview>(url, showInternal ? null : initial);
  const overview = data ?? (showInternal ? null : initial);

  return (
    <div className="space-y-6">
      <ErrorNote message={error ?? (overview ? null : initialError)} />
      <Panel
        title="Topics"
        actions={
          <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
            <input
              type="checkbox"
              className="size-4 accent-indigo-600"
              checked={showInternal}
              onChange={(event) => setShowInternal(event.target.checked)}
            />
            Show internal topics
          </label>
        }
      >
        <div className="overflow-x-auto">
          <table className={tableClass} aria-label="Topics">
            <thead>
              <tr>
                <th className={thClass} scope="col">
                  Topic
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Partitions
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Messages
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Size on disk
                </th>
                <th className={`${thClass} text-right`} scope="col">
                  Produce rate
                </th>
                <th className={thClass} scope="col">
                  Consumer groups (lag)
                </th>
              </tr>
            </thead>
            <tbody>
              {overview?.topics.map((topic) => (
                <tr key={topic.name} data-testid={`topic-row-${topic.name}`} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <td className={tdClass}>
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={topicHref(topic.name)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                        {topic.name}
                      </Link>
                      {topic.internal ? <Badge>internal</Badge> : null}
                      {topic.deadLetter ? <Badge tone="red">dead letters</Badge> : null}
                    </div>
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>{topic.partitions}</td>
                  <td className={`${tdClass} text-right tabular-nums`} data-testid="topic-messages">
                    {formatCount(topic.messages)}
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatBytes(topic.sizeBytes)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatRate(topic.producePerSec)}</td>
                  <td className={tdClass}>
                    {topic.consumerGroups.length === 0 ? (
                      <span className="text-slate-500 dark:text-slate-400">none</span>
                    ) : (
                      <ul className="flex flex-wrap gap-2">
                        {topic.consumerGroups.map((group) => (
                          <li key={group.groupId}>
                            <Link href={groupHref(group.groupId)} className="inline-flex items-center gap-1.5 hover:underline">
                              <span>{group.groupId}</span>
                              <Badge tone={group.lag === 0 ? "green" : "amber"}>lag {formatCount(group.lag)}</Badge>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {overview && overview.topics.length === 0 ? (
            <p className="p-3 text-sm text-slate-500 dark:text-slate-400">No topics yet.</p>
          ) : null}
          {!overview && !initialError ? <p className="p-3 text-sm text-slate-500 dark:text-slate-400">Reading the cluster…</p> : null}
        </div>
        {overview ? (
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            Messages = high watermark − log start, summed over partitions. Rates from successive watermark readings. Updated{" "}
            {new Date(overview.sampledAt).toLocaleTimeString("en-GB")}.
          </p>
        ) : null}
      </Panel>
      {overview ? <DeadLetterPanel summary={overview.deadLetter} /> : null}
    </div>
  );
}
