import { DuckDBTypeId } from "@duckdb/node-api";
import type { Cell } from "../../../lib/api/query";

/**
 * Turns a value from DuckDB's JS converter into a JSON-safe cell, as MySQL would show it: BOOLEAN
 * as 1/0 (MySQL has no boolean type: `amount > 50` is 1 or 0), BIGINT/HUGEINT as a number when
 * exactly representable else as a string, DECIMAL as a number, lists, structs and maps as JSON
 * text, BLOBs as text.
 */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === "bigint") return toCell(inner);
    if (inner instanceof Date) return inner.toISOString();
    return inner;
  });
}

const TEMPORAL_TYPES: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIME,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.INTERVAL,
]);

export function isTemporalType(typeId: DuckDBTypeId): boolean {
  return TEMPORAL_TYPES.has(typeId);
}

/**
 * A date or time as MySQL prints it: `2024-01-02`, `2024-01-02 03:04:05[.ffffff]`, `03:04:05`
 * (DuckDB's own rendering of its value; a UTC offset of the engine's UTC session is dropped).
 */
export function temporalCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  return String(value).replace(/\+00(?::00)?$/u, "");
}
