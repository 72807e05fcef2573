import type { DuckDBConnection } from "@duckdb/node-api";
import { INGEST_SCHEMA } from "./ingest-schema";
import { quoteIdentifier, quoteLiteral } from "./quote-identifier";

/** Kafka topic names never hold `$`, so this name cannot clash with a topic's table. */
export const OFFSET_BOUNDS_TABLE = `${INGEST_SCHEMA}.${quoteIdentifier("$offset_bounds")}`;

export const CREATE_OFFSET_BOUNDS_TABLE =
  `CREATE TABLE ${OFFSET_BOUNDS_TABLE} (topic VARCHAR NOT NULL, part INTEGER NOT NULL, ` +
  `min_offset BIGINT NOT NULL, max_offset BIGINT NOT NULL, PRIMARY KEY (topic, part))`;

/** Per partition: no row of the topic table lies outside [min, max]. */
export type PartitionOffsetBounds = Map<number, { min: bigint; max: bigint }>;

/**
 * The offsets a topic table may hold, per partition, kept IN DuckDB so that a query reads them
 * inside its own transaction and gets exactly the bounds of the rows its MVCC snapshot sees.
 * The bounds are conservative: they widen (own commit) BEFORE rows are inserted and narrow only
 * AFTER rows were deleted, so any transaction that sees a row also sees bounds covering it.
 */
export class OffsetBounds {
  private readonly bounds: PartitionOffsetBounds = new Map();

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly topic: string,
  ) {}

  /** Before inserting rows: widen to cover [min, max] of each partition in the batch. */
  async widen(batch: PartitionOffsetBounds): Promise<void> {
    const changed: PartitionOffsetBounds = new Map();
    for (const [partition, { min, max }] of batch) {
      const known = this.bounds.get(partition);
      const next = known ? { min: min < known.min ? min : known.min, max: max > known.max ? max : known.max } : { min, max };
      if (!known || next.min !== known.min || next.max !== known.max) changed.set(partition, next);
    }
    await this.store(changed);
  }

  /** After `DELETE … _offset < offset` committed. */
  async raiseMin(partition: number, offset: bigint): Promise<void> {
    const known = this.bounds.get(partition);
    if (!known || known.min >= offset) return;
    await this.store(new Map([[partition, { min: offset, max: known.max }]]));
  }

  /** After `DELETE … _offset > offset` committed. */
  async lowerMax(partition: number, offset: bigint): Promise<void> {
    const known = this.bounds.get(partition);
    if (!known || known.max <= offset) return;
    await this.store(new Map([[partition, { min: known.min, max: offset }]]));
  }

  /** Before (re)creating or after dropping the topic table. */
  async forget(): Promise<void> {
    this.bounds.clear();
    await this.connection.run(`DELETE FROM ${OFFSET_BOUNDS_TABLE} WHERE topic = ${quoteLiteral(this.topic)}`);
  }

  private async store(changed: PartitionOffsetBounds): Promise<void> {
    if (changed.size === 0) return;
    const rows = [...changed].map(([partition, { min, max }]) => `(${quoteLiteral(this.topic)}, ${partition}, ${min}, ${max})`);
    await this.connection.run(
      `INSERT INTO ${OFFSET_BOUNDS_TABLE} VALUES ${rows.join(", ")} ` +
        `ON CONFLICT (topic, part) DO UPDATE SET min_offset = excluded.min_offset, max_offset = excluded.max_offset`,
    );
    for (const [partition, bounds] of changed) this.bounds.set(partition, bounds);
  }
}

/** Inside the query's transaction: the bounds its snapshot of the tables sees, per topic. */
export async function readOffsetBounds(connection: DuckDBConnection, topics: string[]): Promise<Map<string, PartitionOffsetBounds>> {
  const result = new Map<string, PartitionOffsetBounds>(topics.map((topic) => [topic, new Map()]));
  if (topics.length === 0) return result;
  const reader = await connection.runAndReadAll(
    `SELECT topic, part, min_offset, max_offset FROM ${OFFSET_BOUNDS_TABLE} WHERE topic IN (${topics.map(quoteLiteral).join(", ")})`,
  );
  for (const [topic, part, min, max] of reader.getRowsJS()) {
    result.get(String(topic))?.set(Number(part), { min: BigInt(min as bigint), max: BigInt(max as bigint) });
  }
  return result;
}
