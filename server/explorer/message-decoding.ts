import type { ExplorerMessage } from "../../lib/api/explorer";

/** Longest value text sent to the browser per message; the rest is cut (and flagged). */
export const MAX_VALUE_CHARS = 16_384;

export interface RawRecord {
  topic: string;
  partition: number;
  offset: number;
  timestampMs: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

function looksLikeJsonDocument(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Turns a raw record into what the explorer shows: text key/value, JSON flag, headers. */
export function decodeRecord(record: RawRecord): ExplorerMessage {
  const valueText = record.value === null ? null : record.value.toString("utf8");
  const valueTruncated = valueText !== null && valueText.length > MAX_VALUE_CHARS;
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: new Date(record.timestampMs).toISOString(),
    key: record.key === null ? null : record.key.toString("utf8"),
    value: valueTruncated ? valueText.slice(0, MAX_VALUE_CHARS) : valueText,
    valueIsJson: valueText !== null && !valueTruncated && looksLikeJsonDocument(valueText),
    valueTruncated,
    headers: record.headers.map(([key, value]) => ({
      key: key?.toString("utf8") ?? "",
      value: value === null ? null : value.toString("utf8"),
    })),
    sizeBytes: (record.key?.length ?? 0) + (record.value?.length ?? 0),
  };
}

/** Newest first: by timestamp, then offset, then partition, so ties keep a stable order. */
export function newestFirst(a: { timestamp: string; offset: number; partition: number }, b: typeof a): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? 1 : -1;
  if (a.offset !== b.offset) return b.offset - a.offset;
  return b.partition - a.partition;
}
