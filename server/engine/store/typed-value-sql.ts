import type { ColumnType } from "../ingest/column-types";

/**
 * SQL that turns a value's text (as `json_extract_string` gives it) into a column's type, NULL when
 * it does not convert. DuckDB casts '1e400', 'NaN' and 'Infinity' to non-finite doubles: those are
 * refused here, so they never reach an aggregate (they are misfits, recorded on their row).
 */
export function castTextSql(text: string, type: ColumnType): string {
  switch (type) {
    case "VARCHAR":
      return text;
    case "JSON":
      return `${text}::JSON`;
    case "DOUBLE":
      return `CASE WHEN isfinite(TRY_CAST(${text} AS DOUBLE)) THEN TRY_CAST(${text} AS DOUBLE) END`;
    default:
      return `TRY_CAST(${text} AS ${type})`;
  }
}
