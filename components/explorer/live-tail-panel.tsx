"use client";

import { useEffect, useState } from "react";
import type { ExplorerMessage } from "@/lib/api/explorer";
import { buttonClass, ErrorNote, Panel } from "./explorer-ui";
import { formatCount } from "./format";
import { MessageCard } from "./message-card";
import { readEventStream } from "./read-event-stream";

/** Messages kept in the browser; older ones fall off the end. */
export const TAIL_KEEP = 200;

type TailState = "connecting" | "live" | "paused" | "error";

function mergeNewestFirst(incoming: ExplorerMessage[], kept: ExplorerMessage[]): ExplorerMessage[] {
  const seen = new Set<string>();
  const merged: ExplorerMessage[] = [];
  for (const message of [...incoming, ...kept]) {
    const id = `${message.partition}:${message.offset}`;
    if (seen.has(id)) continue;
    seen.add(id);
    merged.push(message);
  }
  merged.sort((a, b) => (a.timestamp === b.timestamp ? b.offset - a.offset : a.timestamp < b.timestamp ? 1 : -1));
  return merged.slice(0, TAIL_KEEP);
}

/**
 * Live tail, newest first. Pausing closes the stream (the server stops reading Kafka); resuming
 * opens a new one that starts with the newest messages again.
 */
export function LiveTailPanel({ topic }: { topic: string }) {
  const [paused, setPaused] = useState(false);
  const [state, setState] = useState<TailState>("connecting");
  const [messages, setMessages] = useState<ExplorerMessage[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [freshIds, setFreshIds] = useState<Set<string>>(new Set());
  const [connection, setConnection] = useState(0);

  useEffect(() => {
    if (paused) return;
    const stop = new AbortController();
    let first = true;
    readEventStream(`/api/kafka/topics/${encodeURIComponent(topic)}/tail?initial=50`, { signal: stop.signal }, ({ event, data }) => {
      if (event === "messages") {
        const incoming = (data as { messages: ExplorerMessage[] }).messages;
        setMessages((kept) => mergeNewestFirst(incoming, kept));
        setFreshIds(first ? new Set() : new Set(incoming.map((m) => `${m.partition}:${m.offset}`)));
        first = false;
        setState("live");
        setError(null);
      } else if (event === "skipped") {
        setSkipped((count) => count + (data as { count: number }).count);
      } else if (event === "error") {
        setError((data as { message: string }).message);
        setState("error");
      }
    })
      .then(() => {
        if (!stop.signal.aborted) setState("error");
      })
      .catch((caught: unknown) => {
        if (stop.signal.aborted) return;
        setError(caught instanceof Error ? caught.message : String(caught));
        setState("error");
      });
    return () => stop.abort();
  }, [topic, paused, connection]);

  const shownState: TailState = paused ? "paused" : state;
  const stateLabel = { connecting: "Connecting…", live: "Live", paused: "Paused", error: "Disconnected" }[shownState];

  return (
    <Panel
      title="Live tail"
      actions={
        <>
          <span role="status" data-testid="tail-state" className="flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-400">
            <span
              aria-hidden
              className={`size-2 rounded-full ${shownState === "live" ? "animate-pulse bg-emerald-500" : shownState === "error" ? "bg-red-500" : "bg-slate-400"}`}
            />
            {stateLabel}
          </span>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              setState("connecting");
              setPaused((p) => !p);
            }}
            aria-pressed={paused}
          >
            {paused ? "Resume" : "Pause"}
          </button>
          {shownState === "error" ? (
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                setState("connecting");
                setConnection((n) => n + 1);
              }}
            >
              Reconnect
            </button>
          ) : null}
          <button type="button" className={buttonClass} onClick={() => setMessages([])} disabled={messages.length === 0}>
            Clear
          </button>
        </>
      }
    >
      <ErrorNote message={error} />
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        Newest first · showing {formatCount(messages.length)} (at most {TAIL_KEEP} kept)
        {skipped > 0 ? ` · ${formatCount(skipped)} skipped in bursts` : ""}
      </p>
      <ol aria-label="Live tail messages" tabIndex={0} className="max-h-[70vh] space-y-2 overflow-y-auto pr-1">
        {messages.map((message) => (
          <li key={`${message.partition}:${message.offset}`}>
            <MessageCard message={message} highlight={freshIds.has(`${message.partition}:${message.offset}`)} />
          </li>
        ))}
      </ol>
      {messages.length === 0 && shownState === "live" ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No messages yet; waiting for new ones…</p>
      ) : null}
    </Panel>
  );
}
