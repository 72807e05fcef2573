import { DuckDBBlobValue, type DuckDBConnection } from "@duckdb/node-api";
import { INGEST_SCHEMA } from "./ingest-schema";
import { quoteIdentifier } from "./quote-identifier";

const STAGING_NAME = "$staging_undecoded";
const STAGING = `${INGEST_SCHEMA}.${quoteIdentifier(STAGING_NAME)}`;

/** A record whose key or value needs the registry, as it came from Kafka. */
export interface FramedRecord {
  partition: number;
  offset: number;
  timestampMs: number;
  key: Buffer | null;
  value: Buffer;
  headers: string | null;
}

/** A framed record the registry could not resolve yet (unknown schema id, registry down). */
export interface UndecodedRecord extends FramedRecord {
  /** As in `_decode_error`: the reason, `key:` first when the key failed. */
  reason: string;
  schemaId: number;
}

/**
 * The bytes of a topic's rows that wait for the registry, beside the topic's table (in the internal
 * schema, so no query can read them): the table keeps the row (flagged in `_decode_error`), this
 * keeps what is needed to decode it later. Rows leave it when they are decoded, or with their
 * topic's retention.
 */
export class UndecodedStore {
  private readonly name: string;
  private readonly table: string;
  /** Rows held now (kept in step with every insert and delete, so health costs no query). */
  count = 0;

  constructor(
    private readonly connection: DuckDBConnection,
    topic: string,
  ) {
    // Kafka topic names never hold `$`: this name cannot clash with a topic's table.
    this.name = `${topic}$undecoded`;
    this.table = `${INGEST_SCHEMA}.${quoteIdentifier(this.name)}`;
  }

  async create(): Promise<void> {
    await this.drop();
    await this.connection.run(
      `CREATE TABLE ${this.table} (p INTEGER, o BIGINT, ts DOUBLE, k BLOB, v BLOB, h VARCHAR, reason VARCHAR, sid INTEGER)`,
    );
  }

  async drop(): Promise<void> {
    await this.connection.run(`DROP TABLE IF EXISTS ${this.table}`);
    this.count = 0;
  }

  /** Puts records into a staging table (before the batch's commit; `insertStaged` moves them in, inside it). */
  async stage(records: readonly UndecodedRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.connection.run(`CREATE OR REPLACE TABLE ${STAGING} AS SELECT * FROM ${this.table} LIMIT 0`);
    const appender = await this.connection.createAppender(STAGING_NAME, INGEST_SCHEMA);
    try {
      for (const record of records) {
        appender.appendInteger(record.partition);
        appender.appendBigInt(BigInt(record.offset));
        appender.appendDouble(record.timestampMs);
        if (record.key === null) appender.appendNull();
        else appender.appendBlob(record.key);
        appender.appendBlob(record.value);
        if (record.headers === null) appender.appendNull();
        else appender.appendVarchar(record.headers);
        appender.appendVarchar(record.reason);
        appender.appendInteger(record.schemaId);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  async insertStaged(staged: number): Promise<void> {
    if (staged > 0) await this.connection.run(`INSERT INTO ${this.table} SELECT * FROM ${STAGING}`);
  }

  async dropStaged(): Promise<void> {
    await this.connection.run(`DROP TABLE IF EXISTS ${STAGING}`);
  }

  /** After a commit (or a rollback) that changed the table. */
  async recount(): Promise<void> {
    const reader = await this.connection.runAndReadAll(`SELECT count(*) FROM ${this.table}`);
    this.count = Number(reader.getRows()[0]?.[0] ?? 0);
  }

  /** One waiting record per schema id (and reason), to ask the registry once per id. */
  async samples(): Promise<UndecodedRecord[]> {
    if (this.count === 0) return [];
    return this.read(
      `SELECT p, o, ts, k, v, h, reason, sid FROM ${this.table} QUALIFY row_number() OVER (PARTITION BY sid, reason ORDER BY p, o) = 1`,
    );
  }

  /** Up to `limit` waiting records of one schema id, oldest first per partition. */
  async take(schemaId: number, reason: string, limit: number): Promise<UndecodedRecord[]> {
    return this.read(`SELECT p, o, ts, k, v, h, reason, sid FROM ${this.table} WHERE sid = $1 AND reason = $2 ORDER BY p, o LIMIT $3`, [
      schemaId,
      reason,
      limit,
    ]);
  }

  /** Inside a commit: `recount` after it. */
  async remove(records: readonly { partition: number; offset: number }[]): Promise<void> {
    await deleteRecords(this.connection, this.table, "p", "o", records);
  }

  async deleteBelow(partition: number, offset: bigint): Promise<void> {
    const result = await this.connection.run(`DELETE FROM ${this.table} WHERE p = $1 AND o < $2`, [partition, offset]);
    this.count -= Number(result.rowsChanged);
  }

  async deleteFrom(partition: number, offset: bigint): Promise<void> {
    const result = await this.connection.run(`DELETE FROM ${this.table} WHERE p = $1 AND o >= $2`, [partition, offset]);
    this.count -= Number(result.rowsChanged);
  }

  private async read(sql: string, values?: (number | string)[]): Promise<UndecodedRecord[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRows().map(([p, o, ts, k, v, h, reason, sid]) => ({
      partition: Number(p),
      offset: Number(o),
      timestampMs: Number(ts),
      key: k instanceof DuckDBBlobValue ? Buffer.from(k.bytes) : null,
      value: v instanceof DuckDBBlobValue ? Buffer.from(v.bytes) : Buffer.alloc(0),
      headers: typeof h === "string" ? h : null,
      reason: String(reason),
      schemaId: Number(sid),
    }));
  }
}

/** Deletes the rows at these partitions and offsets (numbers only, grouped per partition). */
export async function deleteRecords(
  connection: DuckDBConnection,
  table: string,
  partitionColumn: string,
  offsetColumn: string,
  records: readonly { partition: number; offset: number }[],
): Promise<number> {
  const byPartition = new Map<number, number[]>();
  for (const { partition, offset } of records) {
    let offsets = byPartition.get(partition);
    if (!offsets) byPartition.set(partition, (offsets = []));
    offsets.push(offset);
  }
  let deleted = 0;
  for (const [partition, offsets] of byPartition) {
    // Integers from Kafka, never text: safe to write into the SQL.
    const list = offsets.map((offset) => String(Math.trunc(offset))).join(", ");
    const result = await connection.run(
      `DELETE FROM ${table} WHERE ${partitionColumn} = ${Math.trunc(partition)} AND ${offsetColumn} IN (${list})`,
    );
    deleted += Number(result.rowsChanged);
  }
  return deleted;
}
