"use client";

import { useRef, useState, type FormEvent } from "react";
import {
  SEARCH_DEFAULT_CAP,
  SEARCH_MAX_CAP,
  type ExplorerMessage,
  type SearchDone,
  type SearchProgress,
  type SearchRequest,
} from "@/lib/api/explorer";
import { buttonClass, ErrorNote, inputClass, Panel, primaryButtonClass } from "./explorer-ui";
import { formatCount } from "./format";
import { MessageCard } from "./message-card";
import { readEventStream } from "./read-event-stream";

type StartKind = SearchRequest["start"]["kind"];

const doneReasons: Record<SearchDone["reason"], string> = {
  range_end: "searched the whole range",
  message_cap: "stopped at the message cap",
  match_cap: "stopped at 500 matches",
};

function startOf(kind: StartKind, time: string, offset: string, partition: string): SearchRequest["start"] {
  if (kind === "time") return { kind, timestamp: new Date(time).toISOString() };
  if (kind === "offset") return { kind, offset: Number(offset), ...(partition === "" ? {} : { partition: Number(partition) }) };
  return { kind };
}

/** Search by key (equals) or value text (contains) over a bounded range, with progress and cancel. */
export function SearchPanel({ topic, partitions }: { topic: string; partitions: number }) {
  const [field, setField] = useState<SearchRequest["field"]>("key");
  const [text, setText] = useState("");
  const [startKind, setStartKind] = useState<StartKind>("newest");
  const [time, setTime] = useState("");
  const [offset, setOffset] = useState("0");
  const [partition, setPartition] = useState("");
  const [cap, setCap] = useState(String(SEARCH_DEFAULT_CAP));
  const [progress, setProgress] = useState<SearchProgress | null>(null);
  const [done, setDone] = useState<SearchDone | null>(null);
  const [matches, setMatches] = useState<ExplorerMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);

  async function run(event: FormEvent) {
    event.preventDefault();
    controller.current?.abort();
    const stop = new AbortController();
    controller.current = stop;
    setMatches([]);
    setProgress(null);
    setDone(null);
    setError(null);
    setCancelled(false);
    setRunning(true);
    try {
      const body: SearchRequest = { field, text, start: startOf(startKind, time, offset, partition), maxMessages: Number(cap) };
      await readEventStream(
        `/api/kafka/topics/${encodeURIComponent(topic)}/search`,
        { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" }, signal: stop.signal },
        ({ event, data }) => {
          if (event === "progress") setProgress(data as SearchProgress);
          else if (event === "matches") setMatches((kept) => [...kept, ...(data as { messages: ExplorerMessage[] }).messages]);
          else if (event === "done") setDone(data as SearchDone);
          else if (event === "error") setError((data as { message: string }).message);
        },
      );
    } catch (caught) {
      if (!stop.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      if (controller.current === stop) setRunning(false);
    }
  }

  function cancel() {
    controller.current?.abort();
    setRunning(false);
    setCancelled(true);
  }

  const percent =
    progress && progress.planned > 0 ? Math.min(100, Math.round((progress.scanned / progress.planned) * 100)) : done ? 100 : 0;

  return (
    <Panel title="Search messages">
      <form onSubmit={run} className="flex flex-wrap items-end gap-3" aria-label="Search messages">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Search in
          <select className={inputClass} value={field} onChange={(e) => setField(e.target.value as SearchRequest["field"])}>
            <option value="key">Key equals</option>
            <option value="value">Value contains</option>
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Search text
          <input
            className={inputClass}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={field === "key" ? "CU-1277" : "text in the value"}
            required
            maxLength={500}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Range starts at
          <select className={inputClass} value={startKind} onChange={(e) => setStartKind(e.target.value as StartKind)}>
            <option value="newest">Newest messages</option>
            <option value="beginning">Beginning</option>
            <option value="time">A point in time</option>
            <option value="offset">An offset</option>
          </select>
        </label>
        {startKind === "time" ? (
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
            From time
            <input type="datetime-local" step="1" className={inputClass} value={time} onChange={(e) => setTime(e.target.value)} required />
          </label>
        ) : null}
        {startKind === "offset" ? (
          <>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
              From offset
              <input
                type="number"
                min={0}
                className={`${inputClass} w-28`}
                value={offset}
                onChange={(e) => setOffset(e.target.value)}
                required
              />
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
              Partition
              <select className={inputClass} value={partition} onChange={(e) => setPartition(e.target.value)}>
                <option value="">All</option>
                {Array.from({ length: partitions }, (_, p) => (
                  <option key={p} value={String(p)}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Message cap
          <input
            type="number"
            min={1}
            max={SEARCH_MAX_CAP}
            className={`${inputClass} w-28`}
            value={cap}
            onChange={(e) => setCap(e.target.value)}
            required
          />
        </label>
        <div className="flex gap-2">
          <button type="submit" className={primaryButtonClass} disabled={running || text.length === 0}>
            Search
          </button>
          <button type="button" className={buttonClass} onClick={cancel} disabled={!running}>
            Cancel
          </button>
        </div>
      </form>

      <div className="mt-4 space-y-2">
        <ErrorNote message={error} />
        {progress || running ? (
          <div>
            <div
              role="progressbar"
              aria-label="Search progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            >
              <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p role="status" data-testid="search-status" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Scanned {formatCount(progress?.scanned ?? 0)} of {formatCount(progress?.planned ?? 0)} messages ·{" "}
              {formatCount(progress?.matches ?? 0)} found
              {done ? ` · ${doneReasons[done.reason]} in ${formatCount(done.elapsedMs)} ms` : ""}
              {cancelled ? " · cancelled" : ""}
            </p>
          </div>
        ) : null}
        <ol aria-label="Search results" tabIndex={0} className="max-h-[60vh] space-y-2 overflow-y-auto pr-1">
          {matches.map((message) => (
            <li key={`${message.partition}:${message.offset}`}>
              <MessageCard message={message} />
            </li>
          ))}
        </ol>
        {done && matches.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No message matched.</p> : null}
      </div>
    </Panel>
  );
}
