import type { Snapshot } from "../../lib/api/query";
import { trinoDecimalExpression, trinoIdentifier, type AvroDecimalField } from "./avro-decimals";

/**
 * The queries both sides answer. The engine gets the text as written (the seed's own top-3);
 * Trino gets the same text over a view of the topic that (1) decodes Avro decimals, which Trino
 * 476 leaves as VARBINARY, and (2) holds exactly the offsets the engine's answer saw, when the
 * engine reported them: on a live topic that keeps growing, both sides then count the very same
 * messages.
 */
export interface CheckQuery {
  name: string;
  ordered: boolean;
  sql(table: string): string;
}

export const CHECK_QUERIES: CheckQuery[] = [
  { name: "count", ordered: false, sql: (table) => `SELECT count(*) AS messages FROM ${table}` },
  {
    name: "top-3 (the seed's query)",
    ordered: true,
    sql: (table) => `SELECT customerid, sum(amount) AS total FROM ${table} GROUP BY customerid ORDER BY total DESC LIMIT 3`,
  },
];

export interface TrinoTopicView {
  topic: string;
  /** The table's visible columns, as Trino's DESCRIBE lists them. */
  columns: string[];
  decimals: AvroDecimalField[];
}

/**
 * `(SELECT <columns, decimals decoded> FROM topic WHERE <the snapshot's offsets>) AS topic`, using
 * the hidden columns `_partition_id` and `_partition_offset` of Trino's Kafka tables; the bare
 * table name when there is nothing to decode and no snapshot.
 */
export function trinoTableAt(view: TrinoTopicView, snapshot: Snapshot | undefined): string {
  const partitions = snapshot?.topics[view.topic] ?? [];
  if (partitions.length === 0 && view.decimals.length === 0) return view.topic;
  const decimals = new Map(view.decimals.map((field) => [field.name, field]));
  const columns = view.columns.map((column) => {
    const decimal = decimals.get(column);
    return decimal ? `${trinoDecimalExpression(decimal)} AS ${trinoIdentifier(column)}` : trinoIdentifier(column);
  });
  const ranges = partitions.map(
    (entry) =>
      `(_partition_id = ${entry.partition} AND _partition_offset >= ${BigInt(entry.logStartOffset)} AND _partition_offset < ${BigInt(entry.highWatermark)})`,
  );
  const where = ranges.length > 0 ? ` WHERE ${ranges.join(" OR ")}` : "";
  return `(SELECT ${columns.join(", ")} FROM ${view.topic}${where}) AS ${view.topic}`;
}
