import type { Column } from "./avro-column-types";

/** The formats a value can be decoded from. */
export type DecodedFormat = "json" | "avro" | "protobuf" | "json-schema";

/** Why a value could not be decoded; each is counted, none stops a reader. */
export type DecodeFailureReason =
  /** A null value (a tombstone) or zero bytes. */
  | "empty"
  /** Confluent framing whose schema id the registry does not know. */
  | "unknown-schema-id"
  /** The registry did not answer (down, timeout, 5xx): try again later, nothing is cached. */
  | "registry-unreachable"
  /** The registry refused our credentials (401/403). */
  | "registry-unauthorized"
  /** Confluent framing but no registry is configured. */
  | "no-registry"
  /** The schema exists but we cannot use it (references, a parser error). */
  | "unsupported-schema"
  /** Confluent framing whose payload does not match its schema (truncated, garbage, trailing bytes). */
  | "malformed"
  /** Neither Confluent framing nor JSON. */
  | "not-decodable";

export type DecodeResult =
  | {
      ok: true;
      /** JSON-compatible: objects, arrays, strings, finite numbers, booleans, null; Avro timestamps and dates are `Date`s. */
      value: unknown;
      format: DecodedFormat;
      schemaId?: number;
      schemaVersion?: number;
      subject?: string;
      /**
       * Avro and Protobuf: the column types the writer schema gives the value (`avroColumns`,
       * `protobufColumns`), one shared array per schema (and message type), so readers can group by it.
       */
      columns?: readonly Column[];
    }
  | { ok: false; reason: DecodeFailureReason; detail: string; schemaId?: number };

export function decodeFailure(reason: DecodeFailureReason, detail: string, schemaId?: number): DecodeResult {
  return schemaId === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, schemaId };
}
