import type { Pool } from "mysql2/promise";
import { inWarehouseTransaction } from "./warehouse-transaction";
import { FomoError } from "../../lib/errors";
import { PURCHASES_TABLE, quoteIdentifier } from "../warehouse/schema";
import type { PurchaseValue } from "./purchase-record";
import { readSinkOffsets, upsertSinkOffsets } from "./sink-offsets";

export interface RowToLoad extends PurchaseValue {
  partition: number;
  offset: number;
}

export interface FlushPlan {
  database: string;
  offsetsDatabase: string;
  topic: string;
  /** The topic ID (incarnation) the rows and offsets were read from. */
  topicId: string;
  rows: RowToLoad[];
  /** What this connector believes `sink_offsets` holds now, per partition it flushes (fencing). */
  expectedOffsets: Map<number, number | undefined>;
  /** The offsets after this flush (past the rows and the dead-lettered messages alike). */
  nextOffsets: Map<number, number>;
}

/** Rows per INSERT statement: ~100 bytes each, far below max_allowed_packet. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * One flush = one transaction: lock this topic's offsets, check nobody else moved them since we
 * read them (a second connector, a restored backup) and that they still count in the incarnation
 * the rows came from, insert the rows, move the offsets, commit. A crash before COMMIT leaves
 * neither the rows nor the offsets; after COMMIT both are there.
 */
export async function flushTransaction(pool: Pool, plan: FlushPlan): Promise<void> {
  return inWarehouseTransaction(pool, async (connection) => {
    const current = await readSinkOffsets(connection, plan.offsetsDatabase, plan.topic, true);
    for (const [partition, { topicId }] of current) {
      if (topicId !== plan.topicId) {
        // Another connector found a new incarnation and reset, or an older one wrote legacy rows.
        throw new FomoError(
          "internal:sink_topic_changed",
          `sink offsets of ${plan.topic}/${partition} count in topic ID ${topicId ?? "(none)"}, but this flush read topic ID ${plan.topicId}`,
        );
      }
    }
    for (const [partition, expected] of plan.expectedOffsets) {
      if (current.get(partition)?.next !== expected) {
        throw new FomoError(
          "internal:sink_offsets_moved",
          `sink offsets of ${plan.topic}/${partition} are ${current.get(partition)?.next ?? "unset"}, expected ${expected ?? "unset"}: another writer loaded this partition`,
        );
      }
    }
    const table = `${quoteIdentifier(plan.database)}.${quoteIdentifier(PURCHASES_TABLE)}`;
    for (let start = 0; start < plan.rows.length; start += ROWS_PER_STATEMENT) {
      const values = plan.rows
        .slice(start, start + ROWS_PER_STATEMENT)
        .map((row) => [row.customerId, row.amount, row.itemCode, plan.topic, row.partition, row.offset]);
      await connection.query(
        `INSERT INTO ${table} (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ?`,
        [values],
      );
    }
    await upsertSinkOffsets(connection, plan.offsetsDatabase, plan.topic, plan.topicId, plan.nextOffsets);
  });
}
