import { compressionsAlgorithmsByBitmask } from "./platformatic-protocol";

/**
 * A lean reader of Kafka's record-batch format (magic v2) straight from a fetch response's bytes
 * (the fetch path, fetch-path.ts): no object per record, only where its key and value lie in the
 * batch (the sink decides what they are) and its headers, read by the caller's `HeaderReader`.
 * CRCs are not checked (TCP and the broker already do); compressed batches are decompressed with
 * the client's codecs. Used by the engine's ingest and the explorer's reads alike.
 */
export interface DecodedRecordSink<H> {
  /**
   * One data record. Key and value are `bytes[start, start + length)`; a null key or value (a
   * tombstone) has length -1. `headers`: what the `HeaderReader`
   * made of them, null when the record has none. `timestampMs` is the broker's append time on
   * topics with `message.timestamp.type=LogAppendTime`, the producer's otherwise.
   */
  record(
    offset: number,
    timestampMs: number,
    bytes: Buffer,
    keyStart: number,
    keyLength: number,
    valueStart: number,
    valueLength: number,
    headers: H | null,
  ): void;
}

/** Reads a record's `count` headers at `cursor.position`, leaving the cursor after them. */
export type HeaderReader<H> = (bytes: Buffer, cursor: VarIntCursor, count: number) => H;

const COMPRESSION_MASK = 0x07;
const LOG_APPEND_TIME = 0x08;
const CONTROL_BATCH = 0x20;
const BATCH_HEADER_BYTES = 61;

/**
 * Decodes the batches of one partition and returns the offset after the last complete batch
 * (control batches and records below `fromOffset` are skipped but still advance it).
 */
export function decodeRecordBatches<H>(
  bytes: Buffer,
  fromOffset: number,
  sink: DecodedRecordSink<H>,
  readHeaders: HeaderReader<H>,
): number {
  let next = fromOffset;
  let position = 0;
  while (bytes.length - position >= 12) {
    const firstOffset = Number(bytes.readBigInt64BE(position));
    const batchLength = bytes.readInt32BE(position + 8);
    const batchEnd = position + 12 + batchLength;
    if (batchEnd > bytes.length) break; // the broker cut the last batch short: fetch it again
    const magic = bytes.readInt8(position + 16);
    const attributes = bytes.readInt16BE(position + 21);
    const lastOffsetDelta = bytes.readInt32BE(position + 23);
    const firstTimestamp = Number(bytes.readBigInt64BE(position + 27));
    const recordCount = bytes.readInt32BE(position + 57);
    const end = firstOffset + lastOffsetDelta + 1;
    if (magic === 2 && end > next && (attributes & CONTROL_BATCH) === 0) {
      let records = bytes.subarray(position + BATCH_HEADER_BYTES, batchEnd);
      const compression = attributes & COMPRESSION_MASK;
      if (compression !== 0) {
        const algorithm = compressionsAlgorithmsByBitmask[compression as keyof typeof compressionsAlgorithmsByBitmask];
        if (!algorithm) throw new Error(`Unsupported compression (attributes ${attributes})`);
        records = algorithm.decompressSync(records);
      }
      // Log-append time: every record of the batch carries the batch's max timestamp, the broker's clock.
      const appendTime = (attributes & LOG_APPEND_TIME) !== 0 ? Number(bytes.readBigInt64BE(position + 35)) : undefined;
      decodeRecords(records, recordCount, firstOffset, firstTimestamp, appendTime, next, sink, readHeaders);
    }
    if (end > next) next = end;
    position = batchEnd;
  }
  return next;
}

function decodeRecords<H>(
  bytes: Buffer,
  count: number,
  firstOffset: number,
  firstTimestamp: number,
  appendTime: number | undefined,
  fromOffset: number,
  sink: DecodedRecordSink<H>,
  readHeaders: HeaderReader<H>,
): void {
  const reader = new VarIntCursor(bytes);
  for (let i = 0; i < count; i++) {
    const length = reader.varint();
    const recordEnd = reader.position + length;
    reader.position += 1; // attributes
    const timestampDelta = reader.varint();
    const offsetDelta = reader.varint();
    const keyLength = reader.varint();
    const keyStart = reader.position;
    if (keyLength > 0) reader.position += keyLength;
    const valueLength = reader.varint();
    const valueStart = reader.position;
    if (valueLength > 0) reader.position += valueLength;
    const headerCount = reader.varint();
    const headers = headerCount > 0 ? readHeaders(bytes, reader, headerCount) : null;
    reader.position = recordEnd;
    const offset = firstOffset + offsetDelta;
    if (offset >= fromOffset) {
      const timestampMs = appendTime ?? firstTimestamp + timestampDelta;
      sink.record(offset, timestampMs, bytes, keyStart, keyLength, valueStart, valueLength, headers);
    }
  }
}

/** Headers as JSON text: key → its values in order (a key may repeat), null for a null value (the engine's `_headers`). */
export const headersAsJson: HeaderReader<string> = (bytes, reader, count) => {
  const byKey: Record<string, (string | null)[]> = Object.create(null) as Record<string, (string | null)[]>;
  for (let i = 0; i < count; i++) {
    const keyLength = reader.varint();
    const key = bytes.toString("utf8", reader.position, reader.position + Math.max(0, keyLength));
    reader.position += Math.max(0, keyLength);
    const valueLength = reader.varint();
    const value = valueLength < 0 ? null : bytes.toString("utf8", reader.position, reader.position + valueLength);
    if (valueLength > 0) reader.position += valueLength;
    (byKey[key] ??= []).push(value);
  }
  return JSON.stringify(byKey);
};

/** Headers as [key, value] byte pairs in the record's order (the explorer shows them as written). */
export const headerPairs: HeaderReader<[Buffer | null, Buffer | null][]> = (bytes, reader, count) => {
  const pairs: [Buffer | null, Buffer | null][] = [];
  for (let i = 0; i < count; i++) {
    const key = readBytes(bytes, reader);
    pairs.push([key, readBytes(bytes, reader)]);
  }
  return pairs;
};

/** A length-prefixed byte string (copied, so it does not keep the whole fetch response alive); null for length -1. */
function readBytes(bytes: Buffer, reader: VarIntCursor): Buffer | null {
  const length = reader.varint();
  if (length < 0) return null;
  const copy = Buffer.from(bytes.subarray(reader.position, reader.position + length));
  reader.position += length;
  return copy;
}

/** A position in a record's bytes that reads zig-zag varints as Kafka writes them (timestamp deltas fit in 53 bits in practice). */
export class VarIntCursor {
  position = 0;
  constructor(private readonly bytes: Buffer) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.bytes[this.position++]!;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    // zig-zag: even → n/2, odd → -(n+1)/2 (arithmetic that stays exact beyond 32 bits)
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
}
