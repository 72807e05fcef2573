/**
 * Confluent's wire format: magic byte 0, then the schema id as a 4-byte big-endian integer, then
 * the payload (for Protobuf: first the message-index array, see `readMessageIndexes`).
 */
export const CONFLUENT_MAGIC_BYTE = 0;
export const CONFLUENT_HEADER_BYTES = 5;

export type ConfluentFrame = { kind: "framed"; schemaId: number; payload: Buffer } | { kind: "truncated" } | { kind: "unframed" };

/**
 * Whether `bytes` carry Confluent framing. A first byte of 0 never starts JSON or text, so a
 * 0 followed by fewer than 4 id bytes is a truncated frame, not something else.
 */
export function readConfluentFrame(bytes: Buffer): ConfluentFrame {
  if (bytes.length === 0 || bytes[0] !== CONFLUENT_MAGIC_BYTE) return { kind: "unframed" };
  if (bytes.length < CONFLUENT_HEADER_BYTES) return { kind: "truncated" };
  return { kind: "framed", schemaId: bytes.readInt32BE(1), payload: bytes.subarray(CONFLUENT_HEADER_BYTES) };
}

/** Header and payload as Confluent's serializers write them (for tests and producers). */
export function frameConfluent(schemaId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(CONFLUENT_HEADER_BYTES);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}

/** A zigzag varint (Confluent writes the Protobuf message indexes as signed varints). */
function readZigZagVarint(bytes: Buffer, offset: number): { value: number; next: number } | undefined {
  let result = 0;
  let shift = 0;
  for (let position = offset; position < bytes.length && shift < 35; position++) {
    const byte = bytes[position] ?? 0;
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value: (result >>> 1) ^ -(result & 1), next: position + 1 };
    shift += 7;
  }
  return undefined;
}

/**
 * The Protobuf message-index array after the schema id: a count, then that many indexes (the
 * path to the message type: top-level message, then nested ones). A single 0 byte stands for [0]
 * (the first message), as Confluent's serializer writes it.
 */
export function readMessageIndexes(payload: Buffer): { indexes: number[]; rest: Buffer } | undefined {
  const count = readZigZagVarint(payload, 0);
  if (!count || count.value < 0 || count.value > 100) return undefined;
  if (count.value === 0) return { indexes: [0], rest: payload.subarray(count.next) };
  const indexes: number[] = [];
  let offset = count.next;
  for (let item = 0; item < count.value; item++) {
    const index = readZigZagVarint(payload, offset);
    if (!index || index.value < 0) return undefined;
    indexes.push(index.value);
    offset = index.next;
  }
  return { indexes, rest: payload.subarray(offset) };
}

/** The bytes Confluent's serializer writes for `indexes` (for tests and producers). */
export function writeMessageIndexes(indexes: number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const bytes: number[] = [];
  const push = (value: number) => {
    let zigzag = (value << 1) ^ (value >> 31);
    while (zigzag > 0x7f) {
      bytes.push((zigzag & 0x7f) | 0x80);
      zigzag >>>= 7;
    }
    bytes.push(zigzag);
  };
  push(indexes.length);
  indexes.forEach(push);
  return Buffer.from(bytes);
}
