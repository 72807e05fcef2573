/**
 * The messages of one fetch for one topic, column by column, as they go into the staging table:
 * metadata plus the value's raw text. JSON is parsed later by DuckDB (vectorized, in SQL), never
 * per message in JavaScript. Offsets and timestamps stay JS numbers (exact below 2^53).
 */
export class StagedRows {
  readonly partitions: number[] = [];
  readonly offsets: number[] = [];
  readonly timestamps: number[] = [];
  readonly keys: (string | null)[] = [];
  readonly values: string[] = [];
  newestTimestampMs: number | null = null;

  get length(): number {
    return this.values.length;
  }

  push(partition: number, offset: number, timestampMs: number, key: string | null, value: string): void {
    this.partitions.push(partition);
    this.offsets.push(offset);
    this.timestamps.push(timestampMs);
    this.keys.push(key);
    this.values.push(value);
    if (this.newestTimestampMs === null || timestampMs > this.newestTimestampMs) this.newestTimestampMs = timestampMs;
  }
}
