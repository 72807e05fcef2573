import type { DuckDBConnection } from "@duckdb/node-api";
import { widenColumnType, type ColumnType } from "../ingest/column-types";
import { columnTypeOfStructure } from "./json-structure-types";
import { INGEST_SCHEMA } from "./open-duckdb";
import { METADATA_COLUMNS, columnNameOfField } from "./metadata-columns";
import { OffsetBounds, type PartitionOffsetBounds } from "./offset-bounds";
import { quoteIdentifier, quoteLiteral } from "./quote-identifier";
import type { StagedRows } from "./staged-rows";

export interface ValueColumn {
  name: string;
  type: ColumnType;
}

/** A corrupt value keeps at most this many characters of its text in `_raw`. */
export const MAX_RAW_CHARS = 64 * 1024;

/** Kafka topic names never hold `$`, so this name cannot clash with a topic's table. */
const STAGING_TABLE = `${INGEST_SCHEMA}.${quoteIdentifier("$staging")}`;

/**
 * A row is a good message when its value is a JSON object; anything else is kept as corrupt.
 * (CASE, not AND: DuckDB evaluates both sides of AND, and json_type throws on malformed JSON.)
 */
const IS_OBJECT = "(CASE WHEN json_valid(v) THEN json_type(v) = 'OBJECT' ELSE false END)";

/**
 * The internal DuckDB table of one topic (`fomo_ingest."<topic>"`): metadata columns first, then
 * one column per JSON field, added (ALTER TABLE ADD COLUMN) or widened (ALTER COLUMN TYPE) as new
 * fields or conflicting types arrive. Only the ingest connection writes to it.
 *
 * A batch goes through a staging table holding metadata + raw value text (appended without any
 * JSON work in JavaScript); DuckDB then infers the batch's fields (`json_structure`), the columns
 * evolve, and one `INSERT … SELECT` extracts the typed fields. Good rows keep no raw text; corrupt
 * rows (not a JSON object) keep the first 64 Ki characters in `_raw`.
 */
export class TopicTable {
  readonly qualifiedName: string;
  private readonly valueColumns = new Map<string, ColumnType>();
  /** Column → the JSON keys (as sent) that land in it, in the order they were first seen. */
  private readonly keysOfColumn = new Map<string, string[]>();
  private readonly knownKeys = new Set<string>();
  /** Which offsets the table may hold, per partition (read by queries to skip the snapshot filter). */
  private readonly bounds: OffsetBounds;

  private constructor(
    readonly topic: string,
    private readonly connection: DuckDBConnection,
  ) {
    this.qualifiedName = `${INGEST_SCHEMA}.${quoteIdentifier(topic)}`;
    this.bounds = new OffsetBounds(connection, topic);
  }

  static async create(connection: DuckDBConnection, topic: string): Promise<TopicTable> {
    const table = new TopicTable(topic, connection);
    const columns = METADATA_COLUMNS.map((column) => `${quoteIdentifier(column.name)} ${column.type}`).join(", ");
    await connection.run(`DROP TABLE IF EXISTS ${table.qualifiedName}`);
    await table.bounds.forget();
    await connection.run(`CREATE TABLE ${table.qualifiedName} (${columns})`);
    return table;
  }

  /** JSON-field columns in the order they first appeared. */
  columns(): ValueColumn[] {
    return [...this.valueColumns].map(([name, type]) => ({ name, type }));
  }

  async drop(): Promise<void> {
    await this.connection.run(`DROP TABLE IF EXISTS ${this.qualifiedName}`);
    await this.bounds.forget();
  }

  /** Appends the rows (after evolving the columns they need); returns how many were corrupt. */
  async append(rows: StagedRows): Promise<{ corrupt: number }> {
    if (rows.length === 0) return { corrupt: 0 };
    // Committed before the rows: a query that sees the rows also sees bounds covering them.
    await this.bounds.widen(offsetRangesOf(rows));
    await this.stage(rows);
    try {
      const corrupt = await this.evolveColumnsFromStaging();
      await this.connection.run(this.insertFromStagingSql());
      return { corrupt };
    } finally {
      // DROP, not DELETE: deleted rows of an in-memory table keep their memory until a checkpoint.
      await this.connection.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
    }
  }

  async deleteBelow(partition: number, logStartOffset: bigint): Promise<void> {
    await this.connection.run(`DELETE FROM ${this.qualifiedName} WHERE _partition = $1 AND _offset < $2`, [
      partition,
      logStartOffset,
    ]);
    await this.bounds.raiseMin(partition, logStartOffset);
  }

  /** Drops the rows at and beyond `endOffset` (the log was truncated below them). */
  async deleteFrom(partition: number, endOffset: bigint): Promise<void> {
    await this.connection.run(`DELETE FROM ${this.qualifiedName} WHERE _partition = $1 AND _offset >= $2`, [partition, endOffset]);
    await this.bounds.lowerMax(partition, endOffset - 1n);
  }

  private async stage(rows: StagedRows): Promise<void> {
    const [schema, table] = [INGEST_SCHEMA, "$staging"];
    await this.connection.run(`CREATE OR REPLACE TABLE ${STAGING_TABLE} (p INTEGER, o DOUBLE, ts DOUBLE, k VARCHAR, v VARCHAR)`);
    const appender = await this.connection.createAppender(table, schema);
    try {
      const { partitions, offsets, timestamps, keys, values } = rows;
      for (let i = 0; i < values.length; i++) {
        appender.appendInteger(partitions[i]!);
        appender.appendDouble(offsets[i]!);
        appender.appendDouble(timestamps[i]!);
        const key = keys[i]!;
        if (key === null) appender.appendNull();
        else appender.appendVarchar(key);
        appender.appendVarchar(values[i]!);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** The distinct shapes of the staged objects (usually one) → new or widened columns. */
  private async evolveColumnsFromStaging(): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT CASE WHEN ${IS_OBJECT} THEN json_structure(v)::VARCHAR END AS shape, count(*) AS n FROM ${STAGING_TABLE} GROUP BY shape`,
    );
    let corrupt = 0;
    const needed = new Map<string, ColumnType>();
    for (const [shape, count] of reader.getRowsJS()) {
      if (shape === null) {
        corrupt += Number(count);
        continue;
      }
      const structure = JSON.parse(String(shape)) as Record<string, unknown>;
      for (const key in structure) {
        if (!isExtractableKey(key)) continue;
        const seen = columnTypeOfStructure(structure[key]);
        if (!seen) continue;
        const name = columnNameOfField(key);
        this.noteKey(name, key);
        const known = needed.get(name) ?? this.valueColumns.get(name);
        const type = known ? widenColumnType(known, seen) : seen;
        if (type !== known) needed.set(name, type);
      }
    }
    for (const [name, type] of needed) {
      const current = this.valueColumns.get(name);
      if (current === type) continue;
      const column = quoteIdentifier(name);
      if (current === undefined) await this.connection.run(`ALTER TABLE ${this.qualifiedName} ADD COLUMN ${column} ${type}`);
      else await this.connection.run(`ALTER TABLE ${this.qualifiedName} ALTER COLUMN ${column} SET DATA TYPE ${type}`);
      this.valueColumns.set(name, type);
    }
    return corrupt;
  }

  private noteKey(column: string, key: string): void {
    if (this.knownKeys.has(key)) return;
    this.knownKeys.add(key);
    const keys = this.keysOfColumn.get(column);
    if (keys) keys.push(key);
    else this.keysOfColumn.set(column, [key]);
  }

  /**
   * One statement: every field extracted with a single JSON parse per row (a list of paths),
   * cast to its column's type; keys differing only in case share a column (first non-null wins).
   */
  private insertFromStagingSql(): string {
    const scalarPaths: string[] = [];
    const jsonPaths: string[] = [];
    const targets: string[] = [];
    const expressions: string[] = [];
    for (const [column, type] of this.valueColumns) {
      const keys = this.keysOfColumn.get(column) ?? [];
      const parts = keys.map((key) => {
        const path = quoteLiteral(`$."${key}"`);
        if (type === "JSON") {
          jsonPaths.push(path);
          return `nullif(j[${jsonPaths.length}]::VARCHAR, 'null')::JSON`;
        }
        scalarPaths.push(path);
        return type === "VARCHAR" ? `s[${scalarPaths.length}]` : `TRY_CAST(s[${scalarPaths.length}] AS ${type})`;
      });
      if (parts.length === 0) continue;
      targets.push(quoteIdentifier(column));
      expressions.push(parts.length === 1 ? parts[0]! : `coalesce(${parts.join(", ")})`);
    }
    const extracted = [
      scalarPaths.length > 0 ? `CASE WHEN ok THEN json_extract_string(v, [${scalarPaths.join(", ")}]) END AS s` : undefined,
      jsonPaths.length > 0 ? `CASE WHEN ok THEN json_extract(v, [${jsonPaths.join(", ")}]) END AS j` : undefined,
    ].filter((part) => part !== undefined);
    const metadata = ["_partition", "_offset", "_timestamp", "_key", "_corrupt", "_raw"].map(quoteIdentifier);
    return (
      `INSERT INTO ${this.qualifiedName} (${[...metadata, ...targets].join(", ")}) ` +
      `SELECT p, CAST(o AS BIGINT), epoch_ms(CAST(ts AS BIGINT)), k, NOT ok, CASE WHEN ok THEN NULL ELSE left(v, ${MAX_RAW_CHARS}) END` +
      `${expressions.map((expression) => `, ${expression}`).join("")} ` +
      `FROM (SELECT *${extracted.map((part) => `, ${part}`).join("")} FROM (SELECT *, ${IS_OBJECT} AS ok FROM ${STAGING_TABLE}))`
    );
  }
}

function offsetRangesOf(rows: StagedRows): PartitionOffsetBounds {
  const ranges = new Map<number, { min: number; max: number }>();
  const { partitions, offsets } = rows;
  for (let i = 0; i < offsets.length; i++) {
    const range = ranges.get(partitions[i]!);
    const offset = offsets[i]!;
    if (!range) ranges.set(partitions[i]!, { min: offset, max: offset });
    else if (offset < range.min) range.min = offset;
    else if (offset > range.max) range.max = offset;
  }
  return new Map([...ranges].map(([partition, { min, max }]) => [partition, { min: BigInt(min), max: BigInt(max) }]));
}

/** Keys a JSON path can name without escaping (a `"` or `\` in a key is not supported). */
function isExtractableKey(key: string): boolean {
  return !key.includes('"') && !key.includes("\\");
}
