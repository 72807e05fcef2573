import type { Pool } from "mysql2/promise";
import { inWarehouseTransaction } from "./warehouse-transaction";
import { FomoError } from "../../lib/errors";
import { PURCHASES_TABLE, quoteIdentifier } from "../warehouse/schema";
import type { DeadLetter } from "./dead-letter";
import { insertOutboxLetters } from "./dead-letter-outbox";
import type { PurchaseValue } from "./purchase-record";
import { insertSettingAsideRejected } from "./rejected-row-isolation";
import { readSinkOffsets, upsertSinkOffsets } from "./sink-offsets";

export interface RowToLoad extends PurchaseValue {
  partition: number;
  offset: number;
  /** The message as consumed, so a row the warehouse refuses can be dead-lettered as it was. */
  source?: { key: Buffer | null; value: Buffer | null; timestamp: string };
}

export interface FlushPlan {
  database: string;
  offsetsDatabase: string;
  topic: string;
  /** The topic ID (incarnation) the rows and offsets were read from. */
  topicId: string;
  rows: RowToLoad[];
  /** Letters for the outbox, committed with the rows and offsets. */
  deadLetters?: DeadLetter[];
  /** The warehouse's `max_allowed_packet` (outbox statements are cut to fit it). */
  maxAllowedPacket?: number;
  /** What this connector believes `sink_offsets` holds now, per partition it flushes (fencing). */
  expectedOffsets: Map<number, number | undefined>;
  /** The offsets after this flush (past the rows and the dead-lettered messages alike). */
  nextOffsets: Map<number, number>;
}

export interface FlushOutcome {
  /** Rows the warehouse refused for their data, dead-lettered in the same transaction. */
  rejected: DeadLetter[];
}

/** Rows per INSERT statement: ~100 bytes each, far below max_allowed_packet. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * One flush = one transaction: lock this topic's offsets, check nobody else moved them since we
 * read them (a second connector, a restored backup) and that they still count in the incarnation
 * the rows came from, insert the rows (setting aside those the warehouse refuses for their data),
 * write the dead letters to the outbox, move the offsets, commit. A crash before COMMIT leaves
 * neither rows, letters nor offsets; after COMMIT all three are there.
 */
export async function flushTransaction(pool: Pool, plan: FlushPlan): Promise<FlushOutcome> {
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
    const insert = async (rows: RowToLoad[]) => {
      const values = rows.map((row) => [row.customerId, row.amount, row.itemCode, plan.topic, row.partition, row.offset]);
      await connection.query(`INSERT INTO ${table} (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ?`, [
        values,
      ]);
    };
    const rejected: DeadLetter[] = [];
    for (let start = 0; start < plan.rows.length; start += ROWS_PER_STATEMENT) {
      const refused = await insertSettingAsideRejected(connection, plan.rows.slice(start, start + ROWS_PER_STATEMENT), insert);
      for (const { row, reason } of refused) rejected.push(rejectedLetter(row, reason));
    }
    const letters = [...(plan.deadLetters ?? []), ...rejected];
    if (letters.length > 0) {
      await insertOutboxLetters(connection, plan.offsetsDatabase, plan.topic, letters, plan.maxAllowedPacket ?? 4 * 1024 * 1024);
    }
    await upsertSinkOffsets(connection, plan.offsetsDatabase, plan.topic, plan.topicId, plan.nextOffsets);
    return { rejected };
  });
}

function rejectedLetter(row: RowToLoad, reason: string): DeadLetter {
  const { source, partition, offset, customerId, amount, itemCode } = row;
  return {
    partition,
    offset,
    key: source?.key ?? null,
    value: source?.value ?? Buffer.from(JSON.stringify({ customerId, amount, itemCode })),
    timestamp: source?.timestamp ?? String(Date.now()),
    reason,
  };
}
