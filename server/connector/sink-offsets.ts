import type { PoolConnection, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { quoteIdentifier } from "../warehouse/schema";

/**
 * The connector's own bookkeeping, in `<database>_connector.sink_offsets`: per topic partition the
 * next Kafka offset to load, and the Kafka topic ID (the incarnation of the topic) those offsets
 * count in. It is written in the same transaction as the rows it covers, so it is the source of
 * truth for where loading resumes (Kafka's committed offsets only mirror it).
 */
export const SINK_OFFSETS_TABLE = "sink_offsets";

/** One partition's row. `topicId` is null on rows written before topic IDs were recorded. */
export interface StoredSinkOffset {
  next: number;
  topicId: string | null;
}

export function sinkOffsetsDdl(offsetsDatabase: string): string {
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} (
  topic           VARCHAR(249) NOT NULL,
  topic_id        CHAR(36)     NULL,
  kafka_partition INT          NOT NULL,
  next_offset     BIGINT       NOT NULL,
  updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (topic, kafka_partition)
) ENGINE=InnoDB`;
}

/** MySQL's ER_DUP_FIELDNAME: another connector added the column between our check and our ALTER. */
const DUPLICATE_COLUMN_ERRNO = 1060;

/**
 * Creates `sink_offsets`, or adds `topic_id` to one made before it existed. Checked through
 * information_schema because `ADD COLUMN IF NOT EXISTS` is MariaDB-only (MySQL 8 rejects it).
 */
export async function ensureSinkOffsetsTable(connection: PoolConnection, offsetsDatabase: string): Promise<void> {
  await connection.query(sinkOffsetsDdl(offsetsDatabase));
  const [columns] = await connection.query<RowDataPacket[]>(
    `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = 'topic_id'`,
    [offsetsDatabase, SINK_OFFSETS_TABLE],
  );
  if (columns.length > 0) return;
  try {
    await connection.query(
      `ALTER TABLE ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} ADD COLUMN topic_id CHAR(36) NULL AFTER topic`,
    );
  } catch (error) {
    if ((error as { errno?: unknown }).errno !== DUPLICATE_COLUMN_ERRNO) throw error;
  }
}

/** This topic's rows per partition. `forUpdate` locks them (fencing inside a transaction). */
export async function readSinkOffsets(
  connection: PoolConnection,
  offsetsDatabase: string,
  topic: string,
  forUpdate = false,
): Promise<Map<number, StoredSinkOffset>> {
  const [rows] = await connection.query(
    `SELECT kafka_partition, next_offset, topic_id FROM ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} WHERE topic = ?${forUpdate ? " FOR UPDATE" : ""}`,
    [topic],
  );
  const offsets = new Map<number, StoredSinkOffset>();
  for (const row of rows as Array<{ kafka_partition: number; next_offset: number | string; topic_id: string | null }>) {
    offsets.set(Number(row.kafka_partition), { next: Number(row.next_offset), topicId: row.topic_id });
  }
  return offsets;
}

export async function upsertSinkOffsets(
  connection: PoolConnection,
  offsetsDatabase: string,
  topic: string,
  topicId: string,
  nextOffsets: Map<number, number>,
): Promise<void> {
  if (nextOffsets.size === 0) return;
  const values = [...nextOffsets].map(([partition, next]) => [topic, topicId, partition, next]);
  await connection.query(
    `INSERT INTO ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} (topic, topic_id, kafka_partition, next_offset) VALUES ?
     ON DUPLICATE KEY UPDATE next_offset = VALUES(next_offset), topic_id = VALUES(topic_id)`,
    [values],
  );
}

/** Records `topicId` on this topic's rows that have none (written before topic IDs were kept). */
export async function adoptLegacySinkOffsets(
  connection: PoolConnection,
  offsetsDatabase: string,
  topic: string,
  topicId: string,
): Promise<number> {
  const [result] = await connection.query<ResultSetHeader>(
    `UPDATE ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} SET topic_id = ? WHERE topic = ? AND topic_id IS NULL`,
    [topicId, topic],
  );
  return result.affectedRows;
}

export async function deleteSinkOffsets(connection: PoolConnection, offsetsDatabase: string, topic: string): Promise<number> {
  const [result] = await connection.query<ResultSetHeader>(
    `DELETE FROM ${quoteIdentifier(offsetsDatabase)}.${SINK_OFFSETS_TABLE} WHERE topic = ?`,
    [topic],
  );
  return result.affectedRows;
}
