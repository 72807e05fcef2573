"use client";

import { memo, useMemo } from "react";
import type { ExplorerMessage } from "@/lib/api/explorer";
import { formatTime } from "./format";
import { FormatBadge, inlinePayload, PayloadBody } from "./message-payload";

/**
 * One Kafka message: coordinates, key, headers and the value as decoded by the server (its format
 * and schema in a badge; the reason and raw bytes when it could not be decoded). Memoized: a
 * live tail re-renders its list several times a second, and only new cards should do work.
 */
export const MessageCard = memo(function MessageCard({ message, highlight }: { message: ExplorerMessage; highlight?: boolean }) {
  const key = useMemo(() => inlinePayload(message.key), [message.key]);
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
          <dd className="flex flex-wrap items-center gap-1.5">
            <span className="font-mono font-semibold text-indigo-700 dark:text-indigo-300" data-testid="message-key">
              {key}
            </span>
            {/* Framed or undecodable keys say how they were read; plain text keys need no badge. */}
            {message.key.kind === "undecodable" || (message.key.kind === "decoded" && message.key.schemaId !== null) ? (
              <FormatBadge payload={message.key} />
            ) : null}
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
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        <FormatBadge payload={message.value} testId="message-format" />
      </div>
      <PayloadBody payload={message.value} />
    </article>
  );
});
