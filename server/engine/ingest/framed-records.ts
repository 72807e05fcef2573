import type { DecodeResult } from "../../decoding/decode-result";
import { unframedText } from "../../decoding/unframed-text";
import type { ValueDecoder } from "../../decoding/value-decoder";
import type { StagedRows } from "../store/staged-rows";
import type { TypedRows } from "../store/typed-rows";
import type { FramedRecord, UndecodedRecord } from "../store/undecoded-store";

/** Failures the registry may answer differently later: their rows are kept and decoded again. */
const RETRYABLE = new Set(["unknown-schema-id", "registry-unreachable", "registry-unauthorized"]);

export function isRetryableReason(reason: string): boolean {
  return RETRYABLE.has(reason.startsWith("key:") ? reason.slice(4) : reason);
}

/** Where a batch's decoded records go. */
export interface DecodedRecordsSink {
  rows: StagedRows;
  typed: TypedRows;
  undecoded: UndecodedRecord[];
}

type KeyOutcome = { ok: true; text: string | null } | { ok: false; reason: string; schemaId?: number };

async function decodeKey(key: Buffer | null, decoder: ValueDecoder): Promise<KeyOutcome> {
  if (key === null) return { ok: true, text: null };
  const text = unframedText(key);
  if (text !== undefined) return { ok: true, text };
  const result = await decoder.decode(key);
  if (!result.ok) return { ok: false, reason: `key:${result.reason}`, schemaId: result.schemaId };
  return { ok: true, text: typeof result.value === "string" ? result.value : JSON.stringify(result.value) };
}

async function decodeValue(value: Buffer, decoder: ValueDecoder): Promise<DecodeResult | { ok: true; text: string }> {
  const text = unframedText(value);
  return text === undefined ? decoder.decode(value) : { ok: true, text };
}

/** A decoded value as a JSON object's text (a value that is not an object is the field `value`). */
function objectJson(value: unknown): string {
  const isRecord = typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
  return JSON.stringify(isRecord ? value : { value });
}

/**
 * Decodes the records whose key or value is Confluent-framed, through server/decoding, all at once
 * (the decoder asks the registry once per schema id however many records wait for it). Avro and
 * Protobuf values go to `typed` with their schema's columns; JSON Schema values to `rows` as JSON
 * text (typed by the JSON rule); a value that cannot be decoded is a corrupt row (`_decode_error`
 * says why), and when the registry may answer later (unknown id, registry down) its bytes go to
 * `undecoded` as well, to be decoded again. A key that cannot be decoded is NULL in `_key`.
 */
export async function decodeFramedRecords(
  records: readonly FramedRecord[],
  decoder: ValueDecoder,
  sink: DecodedRecordsSink,
): Promise<void> {
  const outcomes = await Promise.all(
    records.map(async (record) => [await decodeKey(record.key, decoder), await decodeValue(record.value, decoder)] as const),
  );
  records.forEach((record, index) => {
    const [key, value] = outcomes[index]!;
    const { partition, offset, timestampMs, headers } = record;
    const keyText = key.ok ? key.text : null;
    let reason: string | null = key.ok ? null : key.reason;
    let failedSchemaId = key.ok ? undefined : key.schemaId;
    if (!value.ok) {
      reason = value.reason;
      failedSchemaId = value.schemaId;
      sink.rows.push(partition, offset, timestampMs, keyText, "", headers, value.schemaId ?? null, reason);
    } else if ("text" in value) {
      sink.rows.push(partition, offset, timestampMs, keyText, value.text, headers, null, reason);
    } else if (value.columns && (value.format === "avro" || value.format === "protobuf")) {
      sink.typed.pushTyped(
        partition,
        offset,
        timestampMs,
        keyText,
        objectJson(value.value),
        headers,
        value.schemaId ?? 0,
        value.columns,
        reason,
      );
    } else {
      sink.rows.push(partition, offset, timestampMs, keyText, JSON.stringify(value.value), headers, value.schemaId ?? null, reason);
    }
    if (reason !== null && failedSchemaId !== undefined && isRetryableReason(reason)) {
      sink.undecoded.push({ ...record, reason, schemaId: failedSchemaId });
    }
  });
}
