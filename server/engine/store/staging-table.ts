import type { DuckDBConnection } from "@duckdb/node-api";
import { INGEST_SCHEMA } from "./ingest-schema";
import { quoteIdentifier } from "./quote-identifier";
import type { StagedRows } from "./staged-rows";

/** Kafka topic names never hold `$`, so this name cannot clash with a topic's table. */
export const STAGING_TABLE = `${INGEST_SCHEMA}.${quoteIdentifier("$staging")}`;

/**
 * A row is a good message when its value is a JSON object; anything else is kept as corrupt.
 * (CASE, not AND: DuckDB evaluates both sides of AND, and json_type throws on malformed JSON.)
 */
export const IS_OBJECT = "(CASE WHEN json_valid(v) THEN json_type(v) = 'OBJECT' ELSE false END)";

/**
 * Puts one fetch's messages of a topic into the staging table (metadata + raw value text) with the
 * appender: no JSON work in JavaScript; DuckDB parses the values afterwards, vectorized.
 */
export async function stageRows(connection: DuckDBConnection, rows: StagedRows): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${STAGING_TABLE} (p INTEGER, o DOUBLE, ts DOUBLE, k VARCHAR, v VARCHAR)`);
  const appender = await connection.createAppender("$staging", INGEST_SCHEMA);
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

/** DROP, not DELETE: deleted rows of an in-memory table keep their memory until a checkpoint. */
export async function dropStagingTable(connection: DuckDBConnection): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
}
