import type { DuckDBConnection } from "@duckdb/node-api";
import { INGEST_SCHEMA } from "./ingest-schema";
import { quoteIdentifier } from "./quote-identifier";
import type { StagedRows } from "./staged-rows";

/** Kafka topic names never hold `$`, so these names cannot clash with a topic's table. */
export const STAGING_TABLE = `${INGEST_SCHEMA}.${quoteIdentifier("$staging")}`;
/** Avro and Protobuf rows of the batch (their columns come from the writer schema). */
export const TYPED_STAGING_TABLE = `${INGEST_SCHEMA}.${quoteIdentifier("$staging_typed")}`;

/**
 * A row is a good message when its value is a JSON object; anything else is kept as corrupt.
 * (CASE, not AND: DuckDB evaluates both sides of AND, and json_type throws on malformed JSON.)
 */
export const IS_OBJECT = "(CASE WHEN json_valid(v) THEN json_type(v) = 'OBJECT' ELSE false END)";

/**
 * The staged rows as a query source: p, o, ts, k, v, h (headers JSON text), sid (schema id), e
 * (decode error). A batch without any headers, schema ids or decode errors (a plain-JSON topic)
 * stages only the first five, and the others are constant NULLs here: three appends per row saved.
 */
export function stagedSource(table: string, rows: StagedRows): string {
  return rows.hasDecodeMetadata ? table : `(SELECT *, NULL::VARCHAR AS h, NULL::INTEGER AS sid, NULL::VARCHAR AS e FROM ${table})`;
}

/**
 * Puts one fetch's messages of a topic into a staging table (metadata + value text) with the
 * appender: no JSON work in JavaScript; DuckDB parses the values afterwards, vectorized.
 */
export async function stageRows(connection: DuckDBConnection, rows: StagedRows, table = STAGING_TABLE): Promise<void> {
  const name = table === STAGING_TABLE ? "$staging" : "$staging_typed";
  const extra = rows.hasDecodeMetadata ? ", h VARCHAR, sid INTEGER, e VARCHAR" : "";
  await connection.run(`CREATE OR REPLACE TABLE ${table} (p INTEGER, o DOUBLE, ts DOUBLE, k VARCHAR, v VARCHAR${extra})`);
  const appender = await connection.createAppender(name, INGEST_SCHEMA);
  try {
    const { partitions, offsets, timestamps, keys, values, headers, schemaIds, decodeErrors } = rows;
    const withMetadata = rows.hasDecodeMetadata;
    for (let i = 0; i < values.length; i++) {
      appender.appendInteger(partitions[i]!);
      appender.appendDouble(offsets[i]!);
      appender.appendDouble(timestamps[i]!);
      const key = keys[i]!;
      if (key === null) appender.appendNull();
      else appender.appendVarchar(key);
      appender.appendVarchar(values[i]!);
      if (withMetadata) {
        const header = headers[i]!;
        if (header === null) appender.appendNull();
        else appender.appendVarchar(header);
        const schemaId = schemaIds[i]!;
        if (schemaId === null) appender.appendNull();
        else appender.appendInteger(schemaId);
        const error = decodeErrors[i]!;
        if (error === null) appender.appendNull();
        else appender.appendVarchar(error);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** DROP, not DELETE: deleted rows of an in-memory table keep their memory until a checkpoint. */
export async function dropStagingTables(connection: DuckDBConnection): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
  await connection.run(`DROP TABLE IF EXISTS ${TYPED_STAGING_TABLE}`);
}
