/** A message the connector could not load, with where it came from and why. */
export interface DeadLetter {
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  reason: string;
  /** Set when the stored value is already cut short (larger than the warehouse could hold). */
  originalValueBytes?: number;
}

export const DLQ_HEADERS = {
  reason: "fomo.dlq.reason",
  topic: "fomo.dlq.topic",
  partition: "fomo.dlq.partition",
  offset: "fomo.dlq.offset",
  /** "true" when the value (or key) is cut short to fit the dead-letter topic. */
  truncated: "fomo.dlq.truncated",
  /** The original value's size in bytes, on truncated letters. */
  originalBytes: "fomo.dlq.original-bytes",
} as const;

/** A dead letter as produced to the DLQ topic. */
export interface DeadLetterMessage {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  headers: Record<string, string>;
}

/** Reasons can quote a MySQL error or a zod message: kept readable, never the size of a value. */
const MAX_REASON_CHARS = 1_000;
/**
 * What a record costs beyond its key, value and header bytes (varints, attributes, deltas), with
 * room to spare: the estimate must never come out below what the broker counts.
 */
export const RECORD_OVERHEAD_BYTES = 64;

/** Estimated bytes of one record inside a record batch. */
export function recordBytes(message: DeadLetterMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + (message.key?.length ?? 0) + (message.value?.length ?? 0);
  for (const [name, value] of Object.entries(message.headers)) bytes += 16 + Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * The DLQ record of a letter: original key and value, reason and source coordinates in headers.
 * A letter that would not fit in `maxRecordBytes` keeps its headers and a truncated value (then
 * key), flagged `fomo.dlq.truncated=true` with `fomo.dlq.original-bytes`; the original stays in the
 * source topic at its offset.
 */
export function deadLetterMessage(letter: DeadLetter, sourceTopic: string, maxRecordBytes: number): DeadLetterMessage {
  const headers: Record<string, string> = {
    [DLQ_HEADERS.reason]: letter.reason.length > MAX_REASON_CHARS ? `${letter.reason.slice(0, MAX_REASON_CHARS)}…` : letter.reason,
    [DLQ_HEADERS.topic]: sourceTopic,
    [DLQ_HEADERS.partition]: String(letter.partition),
    [DLQ_HEADERS.offset]: String(letter.offset),
  };
  const whole: DeadLetterMessage = { key: letter.key, value: letter.value, timestamp: letter.timestamp, headers };
  if (letter.originalValueBytes === undefined && recordBytes(whole) <= maxRecordBytes) return whole;
  headers[DLQ_HEADERS.truncated] = "true";
  headers[DLQ_HEADERS.originalBytes] = String(letter.originalValueBytes ?? letter.value?.length ?? 0);
  const room = maxRecordBytes - recordBytes({ ...whole, key: null, value: null });
  const key = letter.key && letter.key.length > room / 2 ? letter.key.subarray(0, Math.max(0, Math.floor(room / 2))) : letter.key;
  const valueRoom = Math.max(0, room - (key?.length ?? 0));
  const value = letter.value && letter.value.length > valueRoom ? letter.value.subarray(0, valueRoom) : letter.value;
  return { key, value, timestamp: letter.timestamp, headers };
}

/**
 * Groups records into produce requests of at most `maxRequestBytes` each (record-batch and request
 * framing included in the caller's margin), in order. A record alone over the limit still gets a
 * request of its own: `deadLetterMessage` already cut it to fit.
 */
export function packIntoRequests(messages: DeadLetterMessage[], maxRequestBytes: number): DeadLetterMessage[][] {
  const requests: DeadLetterMessage[][] = [];
  let current: DeadLetterMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = recordBytes(message);
    if (current.length > 0 && bytes + size > maxRequestBytes) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
