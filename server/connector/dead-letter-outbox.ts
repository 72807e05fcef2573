import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { quoteIdentifier } from "../warehouse/schema";
import type { DeadLetter } from "./dead-letter";

/**
 * The transactional outbox of dead letters, in the connector's private database: a flush writes
 * its letters here in the same transaction as its rows and offsets (so they exist exactly when the
 * offsets moved past them), and the relay ships them to the DLQ topic and deletes them.
 * `dead_letter_relay` keeps, per DLQ partition, the offset from which a recovery must look for
 * letters that reached the topic but were not yet deleted here.
 */
export const OUTBOX_TABLE = "dead_letter_outbox";
export const RELAY_TABLE = "dead_letter_relay";

export function deadLetterOutboxDdl(offsetsDatabase: string): string[] {
  const db = quoteIdentifier(offsetsDatabase);
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.${OUTBOX_TABLE} (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  topic                VARCHAR(249) NOT NULL,
  kafka_partition      INT          NOT NULL,
  kafka_offset         BIGINT       NOT NULL,
  kafka_timestamp      VARCHAR(20)  NOT NULL,
  msg_key              LONGBLOB     NULL,
  msg_value            LONGBLOB     NULL,
  original_value_bytes INT          NULL,
  reason               TEXT         NOT NULL,
  created_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY idx_outbox_source (topic, kafka_partition, kafka_offset)
) ENGINE=InnoDB`,
    `CREATE TABLE IF NOT EXISTS ${db}.${RELAY_TABLE} (
  dlq_topic     VARCHAR(249) NOT NULL,
  dlq_partition INT          NOT NULL,
  scan_from     BIGINT       NOT NULL,
  PRIMARY KEY (dlq_topic, dlq_partition)
) ENGINE=InnoDB`,
  ];
}

export async function ensureDeadLetterOutbox(connection: PoolConnection, offsetsDatabase: string): Promise<void> {
  for (const ddl of deadLetterOutboxDdl(offsetsDatabase)) await connection.query(ddl);
}

/** The server's `max_allowed_packet`: no statement we send may be larger. */
export async function readMaxAllowedPacket(connection: PoolConnection): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>("SELECT @@max_allowed_packet AS packet");
  return Number(rows[0]?.packet ?? 4 * 1024 * 1024);
}

/** Statement text beyond the data (column list, per-row punctuation) and a safety margin. */
const STATEMENT_MARGIN_BYTES = 64 * 1024;
const PER_ROW_BYTES = 256;

/** Bytes a letter adds to an INSERT: mysql2 writes buffers as hex, i.e. twice their size. */
function letterStatementBytes(letter: DeadLetter): number {
  return PER_ROW_BYTES + 2 * ((letter.key?.length ?? 0) + (letter.value?.length ?? 0)) + 2 * Buffer.byteLength(letter.reason);
}

/**
 * A letter too large for one statement is stored with its value cut short and its original size,
 * so the flush can still commit (the relay then flags it truncated; the original stays in Kafka).
 */
function fitLetter(letter: DeadLetter, maxAllowedPacket: number): DeadLetter {
  const budget = maxAllowedPacket - STATEMENT_MARGIN_BYTES;
  if (letterStatementBytes(letter) <= budget || letter.value === null) return letter;
  const room = Math.max(0, Math.floor((budget - letterStatementBytes({ ...letter, value: null })) / 2));
  return { ...letter, value: letter.value.subarray(0, room), originalValueBytes: letter.originalValueBytes ?? letter.value.length };
}

/** Inserts letters in statements that each fit `max_allowed_packet`, in order. */
export async function insertOutboxLetters(
  connection: PoolConnection,
  offsetsDatabase: string,
  topic: string,
  letters: DeadLetter[],
  maxAllowedPacket: number,
): Promise<void> {
  const budget = maxAllowedPacket - STATEMENT_MARGIN_BYTES;
  let chunk: unknown[][] = [];
  let bytes = 0;
  const insert = async () => {
    if (chunk.length === 0) return;
    await connection.query(
      `INSERT INTO ${quoteIdentifier(offsetsDatabase)}.${OUTBOX_TABLE}
         (topic, kafka_partition, kafka_offset, kafka_timestamp, msg_key, msg_value, original_value_bytes, reason) VALUES ?`,
      [chunk],
    );
    chunk = [];
    bytes = 0;
  };
  for (const original of letters) {
    const letter = fitLetter(original, maxAllowedPacket);
    const size = letterStatementBytes(letter);
    if (bytes + size > budget) await insert();
    chunk.push([
      topic,
      letter.partition,
      letter.offset,
      letter.timestamp,
      letter.key,
      letter.value,
      letter.originalValueBytes ?? null,
      letter.reason,
    ]);
    bytes += size;
  }
  await insert();
}

export interface OutboxLetter extends DeadLetter {
  id: number;
}

/** The oldest `limit` letters of `topic`, in the order they were written. */
export async function readOutboxLetters(pool: Pool, offsetsDatabase: string, topic: string, limit: number): Promise<OutboxLetter[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT id, kafka_partition, kafka_offset, kafka_timestamp, msg_key, msg_value, original_value_bytes, reason
       FROM ${quoteIdentifier(offsetsDatabase)}.${OUTBOX_TABLE} WHERE topic = ? ORDER BY id LIMIT ?`,
    [topic, limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    partition: Number(row.kafka_partition),
    offset: Number(row.kafka_offset),
    timestamp: String(row.kafka_timestamp),
    key: (row.msg_key as Buffer | null) ?? null,
    value: (row.msg_value as Buffer | null) ?? null,
    reason: String(row.reason),
    ...(row.original_value_bytes === null ? {} : { originalValueBytes: Number(row.original_value_bytes) }),
  }));
}

export async function countOutboxLetters(pool: Pool, offsetsDatabase: string, topic: string): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT count(*) AS n FROM ${quoteIdentifier(offsetsDatabase)}.${OUTBOX_TABLE} WHERE topic = ?`,
    [topic],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function deleteOutboxLetters(pool: Pool, offsetsDatabase: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await pool.query(`DELETE FROM ${quoteIdentifier(offsetsDatabase)}.${OUTBOX_TABLE} WHERE id IN (?)`, [ids]);
}

/** Deletes `topic`'s letters whose source coordinates (`partition:offset`) are in `delivered`. */
export async function deleteDeliveredLetters(pool: Pool, offsetsDatabase: string, topic: string, delivered: Set<string>): Promise<number> {
  if (delivered.size === 0) return 0;
  const pairs = [...delivered].map((coordinates) => coordinates.split(":").map(Number));
  let deleted = 0;
  for (let start = 0; start < pairs.length; start += 1_000) {
    const [result] = await pool.query<ResultSetHeader>(
      `DELETE FROM ${quoteIdentifier(offsetsDatabase)}.${OUTBOX_TABLE} WHERE topic = ? AND (kafka_partition, kafka_offset) IN (?)`,
      [topic, pairs.slice(start, start + 1_000)],
    );
    deleted += result.affectedRows;
  }
  return deleted;
}

export async function readScanFrom(pool: Pool, offsetsDatabase: string, dlqTopic: string): Promise<Map<number, number>> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT dlq_partition, scan_from FROM ${quoteIdentifier(offsetsDatabase)}.${RELAY_TABLE} WHERE dlq_topic = ?`,
    [dlqTopic],
  );
  return new Map(rows.map((row) => [Number(row.dlq_partition), Number(row.scan_from)]));
}

export async function writeScanFrom(pool: Pool, offsetsDatabase: string, dlqTopic: string, scanFrom: Map<number, number>): Promise<void> {
  if (scanFrom.size === 0) return;
  await pool.query(
    `INSERT INTO ${quoteIdentifier(offsetsDatabase)}.${RELAY_TABLE} (dlq_topic, dlq_partition, scan_from) VALUES ?
     ON DUPLICATE KEY UPDATE scan_from = VALUES(scan_from)`,
    [[...scanFrom].map(([partition, from]) => [dlqTopic, partition, from])],
  );
}
