/**
 * The DuckDB types a JSON field can get, and the kinds of JSON values each one holds.
 * Nested objects and arrays are kept as DuckDB `JSON` (query them with `->>` / `->` or
 * `json_extract_string`). The rule that picks and changes a column's type is in
 * `store/column-typing.ts`; this file only says what fits where.
 */
export type ColumnType = "BOOLEAN" | "BIGINT" | "DOUBLE" | "VARCHAR" | "JSON";

/** What a JSON value is, as far as a column cares. */
export type ValueKind = "boolean" | "integer" | "number" | "string" | "nested";

export const VALUE_KINDS: readonly ValueKind[] = ["boolean", "integer", "number", "string", "nested"];

/**
 * The kind of a value from DuckDB's `json_type` (undefined for null or a missing key).
 * An integer beyond BIGINT (`UBIGINT`, or `DOUBLE` past 2^64) is still a number to the rule;
 * whether it fits a BIGINT column is the cast's call.
 */
export function kindOfJsonType(jsonType: string | null): ValueKind | undefined {
  switch (jsonType) {
    case "BOOLEAN":
      return "boolean";
    case "BIGINT":
    case "UBIGINT":
      return "integer";
    case "DOUBLE":
      return "number";
    case "VARCHAR":
      return "string";
    case "OBJECT":
    case "ARRAY":
      return "nested";
    default:
      return undefined; // "NULL", or the key is absent
  }
}

/** The `json_type` names of a kind (for the per-row check when a batch holds misfits). */
export function jsonTypesOfKind(kind: ValueKind): string[] {
  switch (kind) {
    case "boolean":
      return ["BOOLEAN"];
    case "integer":
      return ["BIGINT", "UBIGINT"];
    case "number":
      return ["DOUBLE"];
    case "string":
      return ["VARCHAR"];
    case "nested":
      return ["OBJECT", "ARRAY"];
  }
}

/** The column type a kind asks for on its own. */
export function typeOfKind(kind: ValueKind): ColumnType {
  switch (kind) {
    case "boolean":
      return "BOOLEAN";
    case "integer":
      return "BIGINT";
    case "number":
      return "DOUBLE";
    case "string":
      return "VARCHAR";
    case "nested":
      return "JSON";
  }
}

/** The kinds a freshly typed column accepts: its own, plus integers in a DOUBLE column (lossless). */
export function kindsOfType(type: ColumnType): ValueKind[] {
  switch (type) {
    case "BOOLEAN":
      return ["boolean"];
    case "BIGINT":
      return ["integer"];
    case "DOUBLE":
      return ["integer", "number"];
    case "VARCHAR":
      return ["string"];
    case "JSON":
      return ["nested"];
  }
}

/**
 * Whether `type` can keep values of `kind` already stored in a column when the column changes to
 * it: DOUBLE keeps integers; VARCHAR keeps any value as its text (numbers, booleans, JSON).
 */
export function typeHoldsKind(type: ColumnType, kind: ValueKind): boolean {
  return type === "VARCHAR" || kindsOfType(type).includes(kind);
}
