import { formatNumber } from "@/lib/client/format";

type MetricValue = number | string | boolean | null;

/**
 * Which of a service's status figures a person wants to see, in that order, with their labels.
 * Figures not listed here (flush settings, raw offset strings) stay in `/api/status` for tools.
 */
const SHOWN_METRICS: Record<string, Array<[key: string, label: string]>> = {
  kafka: [
    ["topics", "topics"],
    ["messages.purchases", "purchases"],
    ["messages.requestlog", "requestlog"],
  ],
  warehouse: [["rows.purchases", "rows in purchases"]],
  "schema-registry": [
    ["subjects", "subjects"],
    ["schemas", "schemas"],
  ],
  generator: [
    ["produced.purchases", "purchases produced"],
    ["produced.requestlog", "requests produced"],
    ["ratePerTopic", "events/s per topic"],
    ["paused", "paused"],
    ["seed", "seed"],
    ["backlog", "backlog"],
  ],
  connector: [
    ["running", "loading"],
    ["rowsLoaded", "rows loaded"],
    ["lagMessages", "lag (messages)"],
    ["lagSeconds", "lag (seconds)"],
    ["lastFlushAt", "last flush"],
    ["deadLettered", "dead-lettered"],
    ["committedTotal", "offsets committed"],
    ["incarnationResetRowsDeleted", "rows reset"],
  ],
  engine: [
    ["ingestedMessages", "messages ingested"],
    ["lagMessages", "lag (messages)"],
    ["freshnessMs", "freshness (ms)"],
    ["corruptMessages", "corrupt messages"],
    ["undecodedMessages", "waiting for the schema registry"],
    ["topics", "topics"],
    ["rssBytes", "memory"],
    ["runningQueries", "queries running"],
    ["queuedQueries", "queries queued"],
  ],
};

function formatMetricValue(key: string, value: MetricValue, now: number): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && key.endsWith("Bytes")) return `${formatNumber(Math.round(value / 1048576))} MiB`;
  if (typeof value === "number") return formatNumber(key === "lagSeconds" ? Math.round(value * 10) / 10 : value);
  if (key.endsWith("At")) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? value : `${Math.max(0, Math.round((now - at) / 1000))} s ago`;
  }
  return value;
}

/** The figures to show for one service: label and formatted value, absent (null) ones left out. */
export function shownMetrics(
  service: string,
  metrics: Record<string, MetricValue> | undefined,
  now = Date.now(),
): Array<{ key: string; label: string; value: string }> {
  if (!metrics) return [];
  const shown = SHOWN_METRICS[service];
  const entries: Array<[string, string]> = shown ?? Object.keys(metrics).map((key) => [key, key]);
  return entries.flatMap(([key, label]) => {
    const value = metrics[key];
    if (value === undefined || (value === null && key.startsWith("incarnation"))) return [];
    return [{ key, label, value: formatMetricValue(key, value, now) }];
  });
}
