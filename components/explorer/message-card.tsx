"use client";

import { memo, useMemo } from "react";
import type { ExplorerMessage } from "@/lib/api/explorer";
import { formatTime } from "./format";

function prettyValue(message: ExplorerMessage): string {
  if (message.value === null) return "null";
  if (!message.valueIsJson) return message.value;
  try {
    return JSON.stringify(JSON.parse(message.value), null, 2);
  } catch {
    return message.value;
  }
}

/**
 * One Kafka message: coordinates, key, headers and the value (JSON pretty-printed). Memoized: a
 * live tail re-renders its list several times a second, and only new cards should do work.
 */
export const MessageCard = memo(function MessageCard({ message, highlight }: { message: ExplorerMessage; highlight?: boolean }) {
  const value = useMemo(() => prettyValue(message), [message]);
  const time = useMemo(() => formatTime(message.timestamp), [message.timestamp]);
  return (
    <article
      aria-label={`Partition ${message.partition} offset ${message.offset}`}
      data-testid="kafka-message"
      className={`rounded-lg border px-3 py-2 text-sm ${
        highlight
          ? "border-indigo-300 bg-indigo-50/60 dark:border-indigo-700 dark:bg-indigo-950/40"
          : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      }`}
    >
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <div className="flex gap-1">
          <dt>partition</dt>
          <dd className="font-mono font-semibold text-slate-900 dark:text-slate-100">{message.partition}</dd>
        </div>
        <div className="flex gap-1">
          <dt>offset</dt>
          <dd className="font-mono font-semibold text-slate-900 dark:text-slate-100" data-testid="message-offset">
            {message.offset}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>time</dt>
          <dd className="font-mono">{time}</dd>
        </div>
        <div className="flex gap-1">
          <dt>key</dt>
          <dd className="font-mono font-semibold text-indigo-700 dark:text-indigo-300" data-testid="message-key">
            {message.key ?? "null"}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>size</dt>
          <dd className="font-mono">{message.sizeBytes} B</dd>
        </div>
      </dl>
      {message.headers.length > 0 ? (
        <ul aria-label="Headers" className="mt-1 flex flex-wrap gap-1.5">
          {message.headers.map((header, index) => (
            <li key={`${header.key}-${index}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
              {header.key}: {header.value ?? "null"}
            </li>
          ))}
        </ul>
      ) : null}
      <pre className="mt-1.5 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs leading-relaxed text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {value}
        {message.valueTruncated ? "\n… (value cut for display)" : ""}
      </pre>
    </article>
  );
});
