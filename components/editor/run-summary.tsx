import type { QueryResult, Snapshot } from "@/lib/api/query";
import { formatAge, formatDuration, formatNumber } from "@/lib/client/format";

function isSnapshot(value: QueryResult["snapshot"]): value is Snapshot {
  return value !== null && "topics" in value;
}

/** "saw offsets up to purchases 0:3,412 1:3,390 2:3,401" — what a Kafka query's snapshot covered. */
function snapshotText(snapshot: Snapshot): string {
  const topics = Object.entries(snapshot.topics).map(([topic, partitions]) => {
    const offsets = [...partitions]
      .sort((a, b) => a.partition - b.partition)
      .map((p) => `${p.partition}:${formatNumber(Number(p.highWatermark))}`)
      .join(" ");
    return `${topic} ${offsets}`;
  });
  return topics.length > 0 ? `saw offsets up to ${topics.join(" · ")}` : "read no topic";
}

/** Row count, elapsed time, and for Kafka the freshness of the snapshot the query saw. */
export function RunSummary({ result }: { result: QueryResult }) {
  const snapshot = isSnapshot(result.snapshot) ? result.snapshot : null;
  const freshness = snapshot?.freshnessMs != null ? ` · newest message ${formatAge(snapshot.freshnessMs)} old` : "";
  return (
    // One line whatever the width: the snapshot's offsets are cut with an ellipsis (full text in its
    // title), so a two-pane step keeps its results where a 720-pixel screen shows them.
    <p className="flex min-w-0 items-center gap-x-3 text-xs whitespace-nowrap text-muted tabular" data-testid="run-summary">
      <span>
        <strong className="font-semibold text-fg" data-testid="row-count">
          {formatNumber(result.rowCount)}
        </strong>{" "}
        {result.rowCount === 1 ? "row" : "rows"}
        {result.truncated && <span className="ml-1 text-warn">(truncated)</span>}
      </span>
      <span>{formatDuration(result.elapsedMs)}</span>
      {snapshot && (
        <span
          className="min-w-0 truncate text-kf"
          data-testid="snapshot-freshness"
          title={`${snapshotText(snapshot)}${freshness}; snapshot taken at ${snapshot.takenAt}`}
        >
          {snapshotText(snapshot)}
          {freshness}
        </span>
      )}
    </p>
  );
}
