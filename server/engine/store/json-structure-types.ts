import type { ColumnType } from "../ingest/column-types";

/**
 * Maps one top-level entry of DuckDB's `json_structure(value)` to the column type it needs:
 * nested objects and arrays stay JSON, integers are BIGINT, null says nothing (undefined).
 */
export function columnTypeOfStructure(structure: unknown): ColumnType | undefined {
  if (typeof structure !== "string") return "JSON"; // {…} or […]
  switch (structure) {
    case "NULL":
      return undefined;
    case "BOOLEAN":
      return "BOOLEAN";
    case "BIGINT":
    case "UBIGINT":
      return "BIGINT";
    case "DOUBLE":
      return "DOUBLE";
    case "VARCHAR":
      return "VARCHAR";
    case "JSON":
      return "JSON";
    default:
      return "VARCHAR";
  }
}
