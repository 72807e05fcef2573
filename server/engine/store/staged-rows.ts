/**
 * The messages of one fetch for one topic, column by column, as they go into a staging table:
 * metadata plus the value's text. JSON is parsed later by DuckDB (vectorized, in SQL), never per
 * message in JavaScript. Offsets and timestamps stay JS numbers (exact below 2^53).
 *
 * Plain-JSON values (and JSON Schema values) are staged as sent; Avro and Protobuf values, decoded
 * through server/decoding, as JSON text with their schema id (see typed-rows.ts).
 */
export class StagedRows {
  readonly partitions: number[] = [];
  readonly offsets: number[] = [];
  readonly timestamps: number[] = [];
  readonly keys: (string | null)[] = [];
  readonly values: string[] = [];
  /** JSON text (key → values), null for a record without headers. Empty while `hasDecodeMetadata` is false. */
  readonly headers: (string | null)[] = [];
  /** The registry schema the value was written with (null for plain JSON). */
  readonly schemaIds: (number | null)[] = [];
  /** Why the value (or, as `key:<reason>`, the key) could not be decoded; null when it could. */
  readonly decodeErrors: (string | null)[] = [];
  /** Whether any row has headers, a schema id or a decode error (else those three arrays stay empty: all NULL). */
  hasDecodeMetadata = false;
  newestTimestampMs: number | null = null;

  get length(): number {
    return this.values.length;
  }

  push(
    partition: number,
    offset: number,
    timestampMs: number,
    key: string | null,
    value: string,
    headers: string | null = null,
    schemaId: number | null = null,
    decodeError: string | null = null,
  ): void {
    this.partitions.push(partition);
    this.offsets.push(offset);
    this.timestamps.push(timestampMs);
    this.keys.push(key);
    this.values.push(value);
    // The three decode columns are filled only once a row needs them (a plain-JSON topic never does).
    if (!this.hasDecodeMetadata) {
      if (headers === null && schemaId === null && decodeError === null) {
        this.noteTimestamp(timestampMs);
        return;
      }
      this.hasDecodeMetadata = true;
      const before = this.values.length - 1;
      for (const column of [this.headers, this.schemaIds, this.decodeErrors] as unknown[][])
        while (column.length < before) column.push(null);
    }
    this.headers.push(headers);
    this.schemaIds.push(schemaId);
    this.decodeErrors.push(decodeError);
    this.noteTimestamp(timestampMs);
  }

  noteTimestamp(timestampMs: number): void {
    if (this.newestTimestampMs === null || timestampMs > this.newestTimestampMs) this.newestTimestampMs = timestampMs;
  }
}
