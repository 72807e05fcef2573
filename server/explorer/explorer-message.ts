import type { ExplorerHeader, ExplorerMessage, MessagePayload } from "../../lib/api/explorer";
import type { DecodeResult } from "../decoding/decode-result";
import type { ValueDecoder } from "../decoding/value-decoder";

/** Longest key/value text sent to the browser per message; the rest is cut (and flagged). */
export const MAX_VALUE_CHARS = 16_384;
/** Raw bytes shown for a key or value that cannot be decoded. */
const PREVIEW_BYTES = 256;

/** A record as fetched: bytes only, nothing decoded yet. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: number;
  timestampMs: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

/** A record with its key and value run through server/decoding (null where there are no bytes). */
export interface DecodedRecord {
  record: RawRecord;
  key: DecodeResult | null;
  value: DecodeResult | null;
}

/** Decodes keys and values of a round of records; never throws (the decoder turns every problem into a result). */
export async function decodeRecords(decoder: ValueDecoder, records: RawRecord[]): Promise<DecodedRecord[]> {
  return Promise.all(
    records.map(async (record) => {
      const [key, value] = await Promise.all([
        record.key === null ? null : decoder.decode(record.key),
        record.value === null ? null : decoder.decode(record.value),
      ]);
      return { record, key, value };
    }),
  );
}

/** JSON text of decoded data: Dates become ISO times (their toJSON), bigints decimal strings. */
function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner), indent) ?? "null";
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text when they are valid UTF-8 without control characters (tabs and newlines aside). */
function readableText(bytes: Buffer): string | null {
  try {
    const text = strictUtf8.decode(bytes);
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

function cut(text: string): { text: string; truncated: boolean } {
  return text.length > MAX_VALUE_CHARS ? { text: text.slice(0, MAX_VALUE_CHARS), truncated: true } : { text, truncated: false };
}

/** What the card shows for a key or value; `indent` pretty-prints decoded values (keys stay on one line). */
export function toPayload(bytes: Buffer | null, result: DecodeResult | null, indent?: number): MessagePayload {
  if (bytes === null || result === null) return { kind: "null" };
  if (result.ok) {
    const { text, truncated } = cut(jsonText(result.value, indent));
    return {
      kind: "decoded",
      format: result.format,
      schemaId: result.schemaId ?? null,
      schemaVersion: result.schemaVersion ?? null,
      subject: result.subject ?? null,
      json: text,
      truncated,
    };
  }
  // Plain text (most keys, log lines) is neither framed nor JSON, and is no failure to the reader.
  const readable = result.reason === "not-decodable" || result.reason === "empty" ? readableText(bytes) : null;
  if (readable !== null) return { kind: "text", ...cut(readable) };
  const preview = bytes.subarray(0, PREVIEW_BYTES);
  return {
    kind: "undecodable",
    reason: result.reason,
    detail: result.detail,
    schemaId: result.schemaId ?? null,
    hexPreview: preview.toString("hex").replace(/(..)(?!$)/g, "$1 "),
    base64Preview: preview.toString("base64"),
    previewTruncated: bytes.length > PREVIEW_BYTES,
  };
}

/** The text a key or value is searched by: decoded data as compact JSON (a string as itself), or the plain text. */
export function searchableText(bytes: Buffer | null, result: DecodeResult | null): string | null {
  if (bytes === null || result === null) return null;
  if (result.ok) return typeof result.value === "string" ? result.value : jsonText(result.value);
  return result.reason === "not-decodable" || result.reason === "empty" ? readableText(bytes) : null;
}

/** Headers as UTF-8 text, as producers almost always write them. */
export function headersOf(record: RawRecord): ExplorerHeader[] {
  return record.headers.map(([key, value]) => ({
    key: key?.toString("utf8") ?? "",
    value: value === null ? null : value.toString("utf8"),
  }));
}

export function toExplorerMessage({ record, key, value }: DecodedRecord): ExplorerMessage {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: new Date(record.timestampMs).toISOString(),
    key: toPayload(record.key, key),
    value: toPayload(record.value, value, 2),
    headers: headersOf(record),
    sizeBytes: (record.key?.length ?? 0) + (record.value?.length ?? 0),
  };
}

/** Decodes and presents a round of records, newest first. */
export async function explorerMessages(decoder: ValueDecoder, records: RawRecord[]): Promise<ExplorerMessage[]> {
  return (await decodeRecords(decoder, [...records].sort(newestFirst))).map(toExplorerMessage);
}

/** Newest first: by timestamp, then offset, then partition, so ties keep a stable order. */
export function newestFirst(a: RawRecord, b: RawRecord): number {
  if (a.timestampMs !== b.timestampMs) return b.timestampMs - a.timestampMs;
  if (a.offset !== b.offset) return b.offset - a.offset;
  return b.partition - a.partition;
}
