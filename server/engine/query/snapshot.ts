import type { Snapshot } from "../../../lib/api/query";
import type { EngineKafkaClients } from "../ingest/kafka-clients";
import type { OffsetTargets } from "../ingest/topic-ingest";
import { METADATA_COLUMNS } from "../store/metadata-columns";
import type { PartitionOffsetBounds } from "../store/offset-bounds";
import { quoteIdentifier } from "../store/quote-identifier";
import type { TopicTable } from "../store/topic-table";

export interface PartitionBounds {
  partition: number;
  logStartOffset: bigint;
  /** Exclusive: the query sees offsets in [logStartOffset, highWatermark). */
  highWatermark: bigint;
}

/** Per topic, the offsets a query sees, read from the broker when the query starts. */
export type QuerySnapshot = Map<string, PartitionBounds[]>;

export async function takeSnapshot(clients: EngineKafkaClients, topics: string[]): Promise<QuerySnapshot> {
  const snapshot: QuerySnapshot = new Map();
  if (topics.length === 0) return snapshot;
  const [earliest, latest] = await Promise.all([
    clients.offsets.listOffsets({ topics, timestamp: -2n }),
    clients.offsets.listOffsets({ topics, timestamp: -1n }),
  ]);
  for (const topic of topics) {
    const ends = latest.get(topic) ?? [];
    const starts = earliest.get(topic) ?? [];
    snapshot.set(
      topic,
      ends.map((highWatermark, partition) => ({ partition, logStartOffset: starts[partition] ?? 0n, highWatermark })),
    );
  }
  return snapshot;
}

export function offsetTargetsOf(snapshot: QuerySnapshot): OffsetTargets {
  return new Map([...snapshot].map(([topic, bounds]) => [topic, new Map(bounds.map((b) => [b.partition, b.highWatermark]))]));
}

/**
 * The per-query view that pins a topic to its snapshot: the user's `FROM purchases` resolves to
 * this TEMP view (temp objects shadow everything else), which reads the internal table and keeps
 * exactly the offsets of the snapshot, whatever ingest appends meanwhile.
 *
 * `tableBounds` are the offsets the table holds per partition, as seen by the query's own
 * transaction (see store/offset-bounds.ts). A partition whose rows all lie inside the snapshot
 * needs no predicate; usually every partition does (ingest stops at the high watermark it last
 * saw, retention deletes rows below the log start), and the view is then the bare table: no
 * per-row filter at all. Only partitions with rows outside the snapshot are filtered.
 * Without `withMetadata` the view shows the topic's fields only (see sql/metadata-mentions.ts);
 * the snapshot filter still reads `_offset` from the table underneath.
 */
export function snapshotViewSql(
  viewName: string,
  table: TopicTable,
  bounds: PartitionBounds[],
  tableBounds: PartitionOffsetBounds,
  { withMetadata = true }: { withMetadata?: boolean } = {},
): string {
  const metadata = withMetadata ? METADATA_COLUMNS.map((column) => column.name) : [];
  const columns = [...table.columns().map((column) => column.name), ...metadata].map(quoteIdentifier).join(", ");
  const where = snapshotFilter(bounds, tableBounds);
  return `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(viewName)} AS SELECT ${columns} FROM ${table.qualifiedName}${where ? ` WHERE ${where}` : ""}`;
}

/** The predicate that keeps only the snapshot's offsets, or undefined when no row lies outside it. */
export function snapshotFilter(bounds: PartitionBounds[], tableBounds: PartitionOffsetBounds): string | undefined {
  const snapshotOf = new Map(bounds.map((b) => [b.partition, b]));
  const conditions: string[] = [];
  for (const [partition, held] of [...tableBounds].sort(([a], [b]) => a - b)) {
    const snapshot = snapshotOf.get(partition);
    if (!snapshot || snapshot.highWatermark <= snapshot.logStartOffset) {
      conditions.push(`_partition <> ${partition}`);
      continue;
    }
    const range: string[] = [];
    if (held.min < snapshot.logStartOffset) range.push(`_offset >= ${snapshot.logStartOffset}`);
    if (held.max >= snapshot.highWatermark) range.push(`_offset < ${snapshot.highWatermark}`);
    if (range.length > 0) conditions.push(`(_partition <> ${partition} OR (${range.join(" AND ")}))`);
  }
  return conditions.length > 0 ? conditions.join(" AND ") : undefined;
}

export function snapshotToJson(snapshot: QuerySnapshot, takenAt: Date, freshnessMs: number | null): Snapshot {
  const topics: Snapshot["topics"] = {};
  for (const [topic, bounds] of snapshot) {
    topics[topic] = bounds.map((b) => ({
      partition: b.partition,
      logStartOffset: b.logStartOffset.toString(),
      highWatermark: b.highWatermark.toString(),
    }));
  }
  return { takenAt: takenAt.toISOString(), topics, freshnessMs };
}
