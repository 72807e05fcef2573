import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOffsetBounds } from "../store/offset-bounds";
import { openDuckDb } from "../store/open-duckdb";
import { StagedRows } from "../store/staged-rows";
import { ingestBatchOf, TopicTable, type IngestBatch } from "../store/topic-table";
import { snapshotFilter, snapshotViewSql, type PartitionBounds } from "./snapshot";

let instance: DuckDBInstance;
let writer: DuckDBConnection;
let reader: DuckDBConnection;

beforeAll(async () => {
  ({ instance, admin: writer } = await openDuckDb({ memoryLimit: "256MB", threads: 1 }));
  reader = await instance.connect();
});
afterAll(() => {
  reader.closeSync();
  writer.closeSync();
  instance.closeSync();
});

function rowsOf(partition: number, from: number, to: number): IngestBatch {
  const rows = new StagedRows();
  for (let offset = from; offset < to; offset++) rows.push(partition, offset, 1_700_000_000_000, null, JSON.stringify({ n: offset }));
  return ingestBatchOf(rows);
}

/** What a query sees: the view built from the bounds read inside the query's own transaction. */
async function countThroughSnapshot(table: TopicTable, bounds: PartitionBounds[]): Promise<{ count: number; filtered: boolean }> {
  await reader.run("BEGIN TRANSACTION");
  try {
    const held = (await readOffsetBounds(reader, [table.topic])).get(table.topic)!;
    await reader.run(snapshotViewSql(table.topic, table, bounds, held));
    const result = await reader.runAndReadAll(`SELECT count(*) FROM "${table.topic}"`);
    return { count: Number(result.getRowsJS()[0]![0]), filtered: snapshotFilter(bounds, held) !== undefined };
  } finally {
    await reader.run("ROLLBACK");
  }
}

describe("snapshot filter", () => {
  it("reads the bare table when every row lies inside the snapshot", async () => {
    const table = await TopicTable.create(writer, "caught-up");
    await table.append(rowsOf(0, 0, 10));
    await table.append(rowsOf(1, 0, 4));
    const seen = await countThroughSnapshot(table, [
      { partition: 0, logStartOffset: 0n, highWatermark: 10n },
      { partition: 1, logStartOffset: 0n, highWatermark: 4n },
    ]);
    expect(seen).toEqual({ count: 14, filtered: false });
  });

  it("filters only the partition whose ingested rows run past the snapshot's high watermark", async () => {
    const table = await TopicTable.create(writer, "ingest-ahead");
    await table.append(rowsOf(0, 0, 10));
    await table.append(rowsOf(1, 0, 8));
    const bounds = [
      { partition: 0, logStartOffset: 0n, highWatermark: 10n },
      { partition: 1, logStartOffset: 0n, highWatermark: 5n },
    ];
    expect(await countThroughSnapshot(table, bounds)).toEqual({ count: 15, filtered: true });
    const held = (await readOffsetBounds(reader, [table.topic])).get(table.topic)!;
    expect(snapshotFilter(bounds, held)).toBe("(_partition <> 1 OR (_offset < 5))");
  });

  it("hides rows below the log start until retention deleted them, then drops the filter", async () => {
    const table = await TopicTable.create(writer, "retention");
    await table.append(rowsOf(0, 0, 10));
    const bounds = [{ partition: 0, logStartOffset: 4n, highWatermark: 10n }];
    expect(await countThroughSnapshot(table, bounds)).toEqual({ count: 6, filtered: true });
    await table.deleteBelow(0, 4n);
    expect(await countThroughSnapshot(table, bounds)).toEqual({ count: 6, filtered: false });
  });

  it("excludes a partition the snapshot does not know or sees empty", async () => {
    const table = await TopicTable.create(writer, "new-partition");
    await table.append(rowsOf(0, 0, 3));
    await table.append(rowsOf(1, 0, 2));
    await table.append(rowsOf(2, 5, 7));
    const seen = await countThroughSnapshot(table, [
      { partition: 0, logStartOffset: 0n, highWatermark: 3n },
      { partition: 2, logStartOffset: 7n, highWatermark: 7n },
    ]);
    expect(seen).toEqual({ count: 3, filtered: true });
  });

  it("keeps a transaction's bounds consistent with its rows while ingest appends meanwhile", async () => {
    const table = await TopicTable.create(writer, "concurrent");
    await table.append(rowsOf(0, 0, 5));
    const bounds = [{ partition: 0, logStartOffset: 0n, highWatermark: 5n }];
    await reader.run("BEGIN TRANSACTION");
    try {
      const held = (await readOffsetBounds(reader, [table.topic])).get(table.topic)!;
      await table.append(rowsOf(0, 5, 9)); // committed after the reader's transaction started
      await reader.run(snapshotViewSql(table.topic, table, bounds, held));
      const result = await reader.runAndReadAll(`SELECT count(*), max(_offset) FROM "${table.topic}"`);
      expect(result.getRowsJS()).toEqual([[5n, 4n]]);
    } finally {
      await reader.run("ROLLBACK");
    }
  });
});
