/**
 * The DuckDB types a JSON field can get, and how they widen when messages disagree.
 * Nested objects and arrays are kept as DuckDB `JSON` (query them with `->>` / `->` or
 * `json_extract_string`); a field seen with incompatible kinds falls back to VARCHAR.
 */
export type ColumnType = "BOOLEAN" | "BIGINT" | "DOUBLE" | "VARCHAR" | "JSON";

/** The type of one JSON value, or undefined for null (which says nothing about the type). */
export function typeOfJsonValue(value: unknown): ColumnType | undefined {
  switch (typeof value) {
    case "boolean":
      return "BOOLEAN";
    case "number":
      return Number.isSafeInteger(value) ? "BIGINT" : "DOUBLE";
    case "string":
      return "VARCHAR";
    case "object":
      return value === null ? undefined : "JSON";
    default:
      return "VARCHAR";
  }
}

/** The narrowest type that holds values of both types (BIGINT → DOUBLE → VARCHAR). */
export function widenColumnType(current: ColumnType, seen: ColumnType): ColumnType {
  if (current === seen) return current;
  if ((current === "BIGINT" && seen === "DOUBLE") || (current === "DOUBLE" && seen === "BIGINT")) return "DOUBLE";
  return "VARCHAR";
}
