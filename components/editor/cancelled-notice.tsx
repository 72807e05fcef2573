import type { Database } from "@/lib/api/query";
import { formatDuration } from "@/lib/client/format";
import { DATABASE_META } from "./database-meta";

/**
 * What a pane shows for a query the analyst cancelled: a neutral note, not an error. The second
 * line is the server's word that the query really stopped there (the engine's interrupt, the
 * warehouse's KILL QUERY), so a cancel is never just the browser looking away.
 */
export function CancelledNotice({
  database,
  cancelledAfterMs,
  stoppedInMs,
}: {
  database: Database;
  cancelledAfterMs: number;
  stoppedInMs: number | null | undefined;
}) {
  const name = DATABASE_META[database].name;
  const server =
    stoppedInMs === undefined
      ? `Stopping it on ${name}…`
      : stoppedInMs === null
        ? `It had already finished on ${name}.`
        : `${name} stopped it ${formatDuration(stoppedInMs)} after the cancel.`;
  return (
    <div role="status" className="rounded-lg border border-line-strong bg-surface-2 px-3 py-2 text-sm" data-testid="query-cancelled">
      <p className="font-semibold text-fg">Cancelled after {formatDuration(cancelledAfterMs)}</p>
      <p className="mt-0.5 text-xs text-muted" data-testid="query-cancelled-server">
        {server}
      </p>
    </div>
  );
}
