import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import { readBatchShapes, readKindsOfKeys, type BatchShapes } from "./batch-shapes";
import { retypeColumn } from "./column-retype";
import { applyBatchToColumn, misfitCount, newColumnTyping, typeOfMajority } from "./column-typing";
import { insertFromStagingSql, type ExtractedColumn } from "./extract-rows-sql";
import { METADATA_COLUMNS } from "./metadata-columns";
import { OffsetBounds, type PartitionOffsetBounds } from "./offset-bounds";
import { INGEST_SCHEMA } from "./open-duckdb";
import { quoteIdentifier } from "./quote-identifier";
import { StagedRows } from "./staged-rows";
import { dropStagingTables, stagedSource, stageRows, STAGING_TABLE, TYPED_STAGING_TABLE } from "./staging-table";
import { TopicColumns } from "./topic-columns";
import { TypedColumns } from "./typed-columns";
import { TypedRows } from "./typed-rows";
import { insertTypedRowsSql } from "./typed-rows-sql";
import { deleteRecords, UndecodedStore, type UndecodedRecord } from "./undecoded-store";

export { MAX_RAW_CHARS } from "./extract-rows-sql";

export interface ValueColumn {
  name: string;
  /** DuckDB's spelling: BIGINT, DOUBLE, VARCHAR, JSON… for JSON fields; any type a writer schema gives. */
  type: string;
  /** Values that did not fit this column (NULL in it, recorded in `_misfits`). */
  misfits: number;
}

/** One fetch's messages of a topic, sorted by how they were decoded (see ingest/fetch-batches.ts). */
export interface IngestBatch {
  /** Plain JSON and JSON Schema values, and values that could not be decoded (corrupt rows). */
  rows: StagedRows;
  /** Avro and Protobuf values, with their writer schemas' columns. */
  typed: TypedRows;
  /** Framed records among `rows` and `typed` that wait for the registry (kept to decode them later). */
  undecoded: UndecodedRecord[];
}

/** A batch of plain rows only (or nothing yet, to be filled by `decodeFramedRecords`). */
export function ingestBatchOf(rows = new StagedRows()): IngestBatch {
  return { rows, typed: new TypedRows(), undecoded: [] };
}

/** What one appended batch held besides good rows. */
export interface AppendOutcome {
  corrupt: number;
  /** Objects with fields that are not columns (their text is kept in `_raw`). */
  overflow: number;
}

/**
 * The internal DuckDB table of one topic (`fomo_ingest."<topic>"`): metadata columns first, then
 * one column per JSON field, typed by the rule of store/column-typing.ts. Only the ingest
 * connection writes to it.
 *
 * A batch goes through a staging table holding metadata + raw value text (appended without any
 * JSON work in JavaScript); DuckDB then reads the batch's key lists and each known key's kinds
 * (store/batch-shapes.ts), the columns evolve, and one `INSERT … SELECT` extracts the typed fields
 * (store/extract-rows-sql.ts). Corrupt rows (not a JSON object) keep the first 64 Ki characters in
 * `_raw`; values that do not fit their column are NULL there and recorded in `_misfits`.
 */
export class TopicTable {
  readonly qualifiedName: string;
  private readonly valueColumns = new TopicColumns();
  private readonly typedColumns: TypedColumns;
  /** Every value column (JSON-typed or schema-typed) in the order it was created. */
  private readonly columnOrder: string[] = [];
  /** Bytes of the rows that wait for the registry. */
  readonly undecoded: UndecodedStore;
  /** Counts rewrites of rows already in the table (re-decoded rows), for readers that track what they have seen. */
  rewrites = 0;
  /** Which offsets the table may hold, per partition (read by queries to skip the snapshot filter). */
  private readonly bounds: OffsetBounds;

  private constructor(
    readonly topic: string,
    private readonly connection: DuckDBConnection,
    private readonly log: (message: string) => void,
  ) {
    this.qualifiedName = `${INGEST_SCHEMA}.${quoteIdentifier(topic)}`;
    this.bounds = new OffsetBounds(connection, topic);
    this.typedColumns = new TypedColumns(connection, this.qualifiedName);
    this.undecoded = new UndecodedStore(connection, topic);
  }

  static async create(connection: DuckDBConnection, topic: string, log: (message: string) => void = () => undefined): Promise<TopicTable> {
    const table = new TopicTable(topic, connection, log);
    const columns = METADATA_COLUMNS.map((column) => `${quoteIdentifier(column.name)} ${column.type}`).join(", ");
    await connection.run(`DROP TABLE IF EXISTS ${table.qualifiedName}`);
    await table.bounds.forget();
    await connection.run(`CREATE TABLE ${table.qualifiedName} (${columns})`);
    await table.undecoded.create();
    return table;
  }

  /** Value columns in the order they first appeared, with their misfit counts. */
  columns(): ValueColumn[] {
    const byName = new Map<string, ValueColumn>(
      [...this.valueColumns.columns(), ...this.typedColumns.byName.values()].map((c) => [c.name, c]),
    );
    return this.columnOrder.flatMap((name) => byName.get(name) ?? []);
  }

  async drop(): Promise<void> {
    await this.connection.run(`DROP TABLE IF EXISTS ${this.qualifiedName}`);
    await this.undecoded.drop();
    await this.bounds.forget();
  }

  /**
   * Appends a batch (after evolving the columns it needs). Columns change first, outside any
   * transaction; the rows of every kind then go in with one commit, so a failed write leaves
   * nothing behind and the batch can simply be fetched again. `replacing`: rows already in the
   * table that this batch holds again (re-decoded), removed in the same commit, so a query sees
   * either the old rows or the new ones, never both or neither.
   */
  async append(batch: IngestBatch, replacing: readonly { partition: number; offset: number }[] = []): Promise<AppendOutcome> {
    const { rows, typed, undecoded } = batch;
    if (rows.length + typed.length === 0) return { corrupt: 0, overflow: 0 };
    // Committed before the rows: a query that sees the rows also sees bounds covering them.
    await this.bounds.widen(offsetRangesOf([rows, typed]));
    const statements: { sql: string; returnsMisfits: boolean }[] = [];
    let outcome: AppendOutcome = { corrupt: 0, overflow: 0 };
    try {
      if (rows.length > 0) {
        await stageRows(this.connection, rows);
        const shapes = await readBatchShapes(this.connection, this.valueColumns.knownKeys());
        const extracted = await this.evolveColumns(shapes);
        const overflow = shapes.keyLists.reduce(
          (sum, { keys, count }) => sum + (keys.some((key) => !this.valueColumns.isKnownKey(key)) ? count : 0),
          0,
        );
        const known = overflow > 0 ? this.valueColumns.knownKeys() : undefined;
        statements.push(insertFromStagingSql(this.qualifiedName, stagedSource(STAGING_TABLE, rows), extracted, known));
        outcome = { corrupt: shapes.corrupt, overflow };
      }
      if (typed.length > 0) {
        await stageRows(this.connection, typed, TYPED_STAGING_TABLE);
        for (const [schemaId, columns] of typed.columnsBySchema) {
          const targets = await this.typedColumns.targetsFor(
            columns,
            (name) => this.valueColumns.byName.get(name)?.typing.type,
            (name) => {
              this.valueColumns.reserveName(name);
              this.columnOrder.push(name);
            },
          );
          statements.push(insertTypedRowsSql(this.qualifiedName, schemaId, targets));
        }
      }
      await this.undecoded.stage(undecoded);
      await this.inOneCommit(statements.length > 1 || undecoded.length > 0 || replacing.length > 0, async () => {
        if (replacing.length > 0) {
          await deleteRecords(this.connection, this.qualifiedName, "_partition", "_offset", replacing);
          await this.undecoded.remove(replacing);
          this.rewrites += 1;
        }
        for (const statement of statements) await this.runCountingMisfits(statement);
        await this.undecoded.insertStaged(undecoded.length);
      });
      if (undecoded.length > 0 || replacing.length > 0) await this.undecoded.recount();
      return outcome;
    } finally {
      await dropStagingTables(this.connection);
      await this.undecoded.dropStaged();
    }
  }

  async deleteBelow(partition: number, logStartOffset: bigint): Promise<void> {
    await this.connection.run(`DELETE FROM ${this.qualifiedName} WHERE _partition = $1 AND _offset < $2`, [partition, logStartOffset]);
    await this.undecoded.deleteBelow(partition, logStartOffset);
    await this.bounds.raiseMin(partition, logStartOffset);
  }

  /** Drops the rows at and beyond `endOffset` (the log was truncated below them). */
  async deleteFrom(partition: number, endOffset: bigint): Promise<void> {
    await this.connection.run(`DELETE FROM ${this.qualifiedName} WHERE _partition = $1 AND _offset >= $2`, [partition, endOffset]);
    await this.undecoded.deleteFrom(partition, endOffset);
    await this.bounds.lowerMax(partition, endOffset - 1n);
  }

  private async inOneCommit(needed: boolean, work: () => Promise<void>): Promise<void> {
    if (!needed) return work();
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await work();
      await this.connection.run("COMMIT");
    } catch (error) {
      await this.connection.run("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /** New keys become columns or spellings of one; each column present in the batch gets its kinds applied. */
  private async evolveColumns(shapes: BatchShapes): Promise<ExtractedColumn[]> {
    const columns = this.valueColumns;
    const { attach, create } = columns.newKeys(shapes.keyLists);
    const newKinds = await readKindsOfKeys(
      this.connection,
      [...attach, ...create].map((entry) => entry.key),
    );
    const kindsByKey = new Map([...shapes.kindsByKey, ...newKinds]);
    const created = new Set<string>();
    for (const { key, column } of create) {
      const counts = newKinds.get(key);
      const type = counts && typeOfMajority(counts);
      if (!counts || !type) {
        columns.noteNullKey(key);
        continue;
      }
      try {
        await this.connection.run(`ALTER TABLE ${this.qualifiedName} ADD COLUMN ${quoteIdentifier(column)} ${type}`);
      } catch (error) {
        this.log(
          `${this.topic}: field ${JSON.stringify(key.slice(0, 80))} cannot be a column (${error instanceof Error ? error.message : String(error)})`,
        );
        columns.noteUnusableKey(key);
        continue;
      }
      columns.addColumn(key, column, newColumnTyping(type, counts));
      this.columnOrder.push(column);
      created.add(column);
    }
    for (const { key, column } of attach) columns.attachKey(key, column);

    const extracted: ExtractedColumn[] = [];
    for (const column of columns.byName.values()) {
      const counts = columns.countsOf(column, kindsByKey);
      if (!counts) continue; // absent or null in the whole batch: nothing to extract
      if (!created.has(column.name)) {
        const from = column.typing.type;
        const change = applyBatchToColumn(column.typing, counts);
        const name = quoteIdentifier(column.name);
        if (change.kind === "widen") {
          await this.connection.run(`ALTER TABLE ${this.qualifiedName} ALTER COLUMN ${name} SET DATA TYPE ${change.type}`);
        } else if (change.kind === "retype") {
          const { moved, restored } = await retypeColumn(this.connection, this.qualifiedName, column.name, {
            ...change,
            accepts: column.typing.accepts,
          });
          column.misfits += moved - restored;
          this.log(
            `${this.topic}.${column.name}: retyped ${from} → ${change.type} (its producer switched; ${moved} values moved to _misfits, ${restored} restored)`,
          );
        }
      }
      extracted.push({
        name: column.name,
        type: column.typing.type,
        keys: column.keys,
        accepts: column.typing.accepts,
        checkKinds: misfitCount(column.typing, counts) > 0,
      });
    }
    return extracted;
  }

  /** An extracting INSERT; when values may not fit, it returns each row's misfit columns to count them. */
  private async runCountingMisfits({ sql, returnsMisfits }: { sql: string; returnsMisfits: boolean }): Promise<void> {
    if (!returnsMisfits) {
      await this.connection.run(sql);
      return;
    }
    const result = await this.connection.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const names of chunk.getColumnValues(0)) {
        if (!(names instanceof DuckDBListValue)) continue;
        for (const name of names.items) {
          const column = this.valueColumns.byName.get(String(name)) ?? this.typedColumns.byName.get(String(name));
          if (column) column.misfits += 1;
        }
      }
    }
  }
}

function offsetRangesOf(batches: readonly StagedRows[]): PartitionOffsetBounds {
  const ranges = new Map<number, { min: number; max: number }>();
  for (const { partitions, offsets } of batches) {
    for (let i = 0; i < offsets.length; i++) {
      const range = ranges.get(partitions[i]!);
      const offset = offsets[i]!;
      if (!range) ranges.set(partitions[i]!, { min: offset, max: offset });
      else if (offset < range.min) range.min = offset;
      else if (offset > range.max) range.max = offset;
    }
  }
  return new Map([...ranges].map(([partition, { min, max }]) => [partition, { min: BigInt(min), max: BigInt(max) }]));
}
