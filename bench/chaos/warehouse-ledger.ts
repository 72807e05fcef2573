import mysql, { type ConnectionOptions, type RowDataPacket } from "mysql2/promise";

/**
 * What the warehouse holds of `purchases`, read in one consistent snapshot: rows, distinct Kafka
 * coordinates, per-partition offset ranges, the connector's committed next offsets, and totals per
 * customer. The suite's ground truth on the warehouse side (read as the administrator, not through
 * the product's read path).
 */
export interface WarehouseLedger {
  rows: number;
  distinctCoordinates: number;
  partitions: Map<number, { rows: number; minOffset: number; maxOffset: number }>;
  /** `sink_offsets.next_offset` per partition: where loading resumes. */
  committed: Map<number, number>;
  committedTotal: number;
  customers: Map<string, { total: number; count: number }>;
}

export async function readWarehouseLedger(admin: ConnectionOptions, database: string, topic = "purchases"): Promise<WarehouseLedger> {
  const connection = await mysql.createConnection({ ...admin, database });
  try {
    await connection.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    await connection.query("START TRANSACTION WITH CONSISTENT SNAPSHOT");
    const [totals] = await connection.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n_rows, COUNT(DISTINCT kafka_partition, kafka_offset) AS n_distinct FROM purchases WHERE kafka_topic = ?",
      [topic],
    );
    const [ranges] = await connection.query<RowDataPacket[]>(
      "SELECT kafka_partition AS p, COUNT(*) AS n, MIN(kafka_offset) AS lo, MAX(kafka_offset) AS hi FROM purchases WHERE kafka_topic = ? GROUP BY kafka_partition",
      [topic],
    );
    const [offsets] = await connection.query<RowDataPacket[]>(
      `SELECT kafka_partition AS p, next_offset AS next FROM \`${database}_connector\`.sink_offsets WHERE topic = ?`,
      [topic],
    );
    const [customers] = await connection.query<RowDataPacket[]>(
      "SELECT customerId AS c, SUM(amount) AS total, COUNT(*) AS n FROM purchases WHERE kafka_topic = ? GROUP BY customerId",
      [topic],
    );
    await connection.query("COMMIT");
    const committed = new Map(offsets.map((row) => [Number(row.p), Number(row.next)]));
    return {
      rows: Number(totals[0]?.n_rows ?? 0),
      distinctCoordinates: Number(totals[0]?.n_distinct ?? 0),
      partitions: new Map(
        ranges.map((row) => [Number(row.p), { rows: Number(row.n), minOffset: Number(row.lo), maxOffset: Number(row.hi) }]),
      ),
      committed,
      committedTotal: [...committed.values()].reduce((sum, next) => sum + next, 0),
      customers: new Map(customers.map((row) => [String(row.c), { total: Number(row.total), count: Number(row.n) }])),
    };
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** The coordinates of the warehouse rows of the poison customers (CU-9xxx), as "partition:offset". */
export async function readPoisonCoordinates(admin: ConnectionOptions, database: string): Promise<Set<string>> {
  const connection = await mysql.createConnection({ ...admin, database });
  try {
    const [rows] = await connection.query<RowDataPacket[]>(
      "SELECT kafka_partition AS p, kafka_offset AS o FROM purchases WHERE customerId LIKE 'CU-9%'",
    );
    return new Set(rows.map((row) => `${Number(row.p)}:${Number(row.o)}`));
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/** Σ next offsets the connector committed, or null when the warehouse does not answer (it may be down). */
export async function readCommittedTotal(admin: ConnectionOptions, database: string, topic = "purchases"): Promise<number | null> {
  try {
    const connection = await mysql.createConnection({ ...admin, database: `${database}_connector` });
    try {
      const [rows] = await connection.query<RowDataPacket[]>(
        "SELECT COALESCE(SUM(next_offset), 0) AS total FROM sink_offsets WHERE topic = ?",
        [topic],
      );
      return Number(rows[0]?.total ?? 0);
    } finally {
      await connection.end().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
