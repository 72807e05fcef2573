"use client";

import type { PaneDefault } from "@/lib/story/steps";
import { formatDuration, formatNumber } from "@/lib/client/format";
import { resolvePane } from "@/lib/client/pane-state";
import { useWorkspace, type HistoryEntry, type PaneId } from "@/lib/client/workspace-store";
import { Button } from "@/components/ui/button";
import { DATABASE_META } from "@/components/editor/database-meta";

/** Every query run in the lab, newest first; a click loads it back into a pane of its database. */
export function QueryHistory({ workspace, panes }: { workspace: string; panes: Record<PaneId, PaneDefault> }) {
  const history = useWorkspace((s) => s.history);
  const clear = useWorkspace((s) => s.clearHistory);

  const load = (entry: HistoryEntry) => {
    const left = resolvePane(workspace, "left", panes.left);
    const right = resolvePane(workspace, "right", panes.right);
    const target: PaneId = left.database === entry.database ? "left" : right.database === entry.database ? "right" : "left";
    const current = target === "left" ? left : right;
    useWorkspace.getState().setPane(workspace, target, { ...current, database: entry.database, sql: entry.sql });
  };

  return (
    <aside
      aria-label="Query history"
      className="flex min-h-0 flex-col self-start rounded-2xl border border-line bg-surface"
      data-testid="query-history"
    >
      <header className="flex items-center justify-between border-b border-line px-4 py-2.5">
        <h2 className="text-sm font-semibold">History</h2>
        <Button size="sm" tone="ghost" onClick={clear} disabled={history.length === 0} aria-label="Clear query history">
          Clear
        </Button>
      </header>
      {history.length === 0 ? (
        <p className="p-4 text-sm text-faint">Queries you run appear here, and stay after a reload.</p>
      ) : (
        <ol className="max-h-[70vh] divide-y divide-line overflow-auto">
          {history.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                onClick={() => load(entry)}
                className="w-full px-4 py-2.5 text-left hover:bg-surface-2"
                aria-label={`Load into the editor: ${entry.sql}`}
              >
                <div className="flex items-center gap-2 text-xs">
                  <span className={`font-semibold ${DATABASE_META[entry.database].text}`}>{DATABASE_META[entry.database].name}</span>
                  <HistoryOutcome entry={entry} />
                  <span className="ml-auto text-faint">{new Date(entry.ranAt).toLocaleTimeString("en-GB")}</span>
                </div>
                <p className="mt-1 line-clamp-2 font-mono text-xs">{entry.sql}</p>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

/** "12 rows · 40 ms", "cancelled after 3.20 s" (neutral: the analyst chose it) or "error". */
function HistoryOutcome({ entry }: { entry: HistoryEntry }) {
  if (entry.cancelled) return <span className="text-muted">cancelled after {formatDuration(entry.elapsedMs ?? 0)}</span>;
  if (entry.ok)
    return <span className="text-muted">{`${formatNumber(entry.rowCount ?? 0)} rows · ${formatDuration(entry.elapsedMs ?? 0)}`}</span>;
  return <span className="text-bad">error</span>;
}
