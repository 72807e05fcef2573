import type { Pool, ResultSetHeader } from "mysql2/promise";
import { inWarehouseTransaction } from "./warehouse-transaction";
import { PURCHASES_TABLE, quoteIdentifier } from "../warehouse/schema";
import type { PartitionWatermarks } from "./sink-lag";
import { adoptLegacySinkOffsets, deleteSinkOffsets, readSinkOffsets } from "./sink-offsets";
import { judgeIncarnation } from "./topic-incarnation";

export interface IncarnationCheck {
  database: string;
  offsetsDatabase: string;
  topic: string;
  /** The topic's ID in Kafka now. */
  topicId: string;
  /** Its partitions' log start and high watermark now (only legacy rows need them). */
  watermarks: PartitionWatermarks[];
}

export interface IncarnationReset {
  reason: string;
  /** `purchases` rows of the old incarnation that were deleted. */
  rowsDeleted: number;
  /** The offsets that were thrown away, per partition. */
  discardedOffsets: Map<number, number>;
}

export interface SettledIncarnation {
  /** Next offset per partition to resume from (none after a reset: load from the start). */
  offsets: Map<number, number>;
  reset: IncarnationReset | undefined;
  /** Legacy rows (no topic ID) judged to be this incarnation and stamped with its ID. */
  adoptedLegacyRows: number;
}

/**
 * Makes the warehouse agree with the topic Kafka has now, in one transaction: lock this topic's
 * offsets, judge them against the current topic ID, and either stamp legacy rows with that ID, or,
 * for another incarnation, delete the topic's `purchases` rows (they mirror a topic that no longer
 * exists, and a deterministic generator would load the same backlog again beside them) together
 * with its offsets. Locking the offsets first, like a flush does, keeps a concurrent flush from
 * committing rows of the old incarnation after the delete.
 */
export async function settleTopicIncarnation(pool: Pool, check: IncarnationCheck): Promise<SettledIncarnation> {
  return inWarehouseTransaction(pool, async (connection) => {
    const stored = await readSinkOffsets(connection, check.offsetsDatabase, check.topic, true);
    const verdict = judgeIncarnation(check.topic, stored, check.topicId, check.watermarks);
    if (verdict.kind === "other") {
      const [deleted] = await connection.query<ResultSetHeader>(
        `DELETE FROM ${quoteIdentifier(check.database)}.${quoteIdentifier(PURCHASES_TABLE)} WHERE kafka_topic = ?`,
        [check.topic],
      );
      await deleteSinkOffsets(connection, check.offsetsDatabase, check.topic);
      return {
        offsets: new Map(),
        reset: {
          reason: verdict.reason,
          rowsDeleted: deleted.affectedRows,
          discardedOffsets: new Map([...stored].map(([partition, { next }]) => [partition, next])),
        },
        adoptedLegacyRows: 0,
      };
    }
    return {
      offsets: new Map([...stored].map(([partition, { next }]) => [partition, next])),
      reset: undefined,
      adoptedLegacyRows: await adoptLegacySinkOffsets(connection, check.offsetsDatabase, check.topic, check.topicId),
    };
  });
}
