/**
 * What user SQL may use, deny-by-default where the surface is open-ended.
 * - Table functions: only pure generators. File/URL readers (read_csv, read_parquet, glob, …),
 *   catalog functions (duckdb_tables(), …) and SQL executors (query, query_table,
 *   json_execute_serialized_sql) are refused because they are not listed.
 * - FROM items: only the topics (as views pinned to the query's snapshot) and CTE names; DuckDB's
 *   system views (sqlite_master, duckdb_tables, information_schema, pg_catalog) and the internal
 *   schema are refused because they are not topics.
 * - Scalar functions: a deny list of the few with side effects or session state.
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(["range", "generate_series", "unnest", "json_each", "json_tree"]);

export const FORBIDDEN_SCALAR_FUNCTIONS: ReadonlySet<string> = new Set([
  "getvariable",
  "setvariable",
  "setseed",
  "nextval",
  "currval",
  "getenv",
  "json_execute_serialized_sql",
  "query",
  "query_table",
]);

/** Table reference kinds DuckDB's parser emits that a read-only query may contain. */
export const ALLOWED_TABLE_REF_TYPES: ReadonlySet<string> = new Set([
  "BASE_TABLE",
  "TABLE_FUNCTION",
  "JOIN",
  "SUBQUERY",
  "EXPRESSION_LIST",
  "EMPTY",
  "PIVOT",
]);

export function isForbiddenScalarFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_SCALAR_FUNCTIONS.has(lower) || lower.startsWith("read_") || lower.startsWith("duckdb_") || lower.startsWith("pragma_");
}
