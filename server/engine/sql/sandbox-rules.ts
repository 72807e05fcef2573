/**
 * What user SQL may use, deny-by-default where the surface is open-ended.
 * - Table functions: only pure generators. File/URL readers (read_csv, read_parquet, glob, …),
 *   catalog functions (duckdb_tables(), …) and SQL executors (query, query_table,
 *   json_execute_serialized_sql) are refused because they are not listed.
 * - FROM items: only the topics (as views pinned to the query's snapshot) and CTE names; DuckDB's
 *   system views (sqlite_master, duckdb_tables, information_schema, pg_catalog) and the internal
 *   schema are refused because they are not topics.
 * - Scalar functions: a deny list of the few with side effects or session state, and of those that
 *   describe the engine rather than the data (its settings, version, catalog, connection and
 *   transaction ids, the text it runs): an analyst sees topics, never DuckDB. `version()` is refused
 *   rather than answered with a made-up string: the engine is not a MySQL server to lie about.
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
  // The engine's settings and identity.
  "current_setting",
  "version",
  "platform",
  "user_agent",
  "extension_versions",
  "current_database",
  "current_catalog",
  "current_schema",
  "current_schemas",
  "current_query",
  "current_query_id",
  "current_connection_id",
  "current_transaction_id",
  "txid_current",
  "database_size",
  "stats",
  "has_database_privilege",
  "has_schema_privilege",
  "has_table_privilege",
  "has_column_privilege",
  "has_function_privilege",
  "has_sequence_privilege",
  "has_any_column_privilege",
  "has_foreign_data_wrapper_privilege",
  "has_language_privilege",
  "has_server_privilege",
  "has_tablespace_privilege",
  "in_search_path",
  "col_description",
  "obj_description",
  "shobj_description",
  "format_pg_type",
  "format_type",
]);

/**
 * Bare names DuckDB's binder answers itself when no column has that name (`SELECT current_user` is
 * "duckdb", `current_catalog` the database's name): refused unless a topic read has such a column.
 */
export const ENGINE_PSEUDO_COLUMNS: ReadonlySet<string> = new Set([
  "current_user",
  "session_user",
  "user",
  "current_role",
  "current_catalog",
  "current_schema",
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
  // pg_* are PostgreSQL's catalog helpers (pg_get_viewdef prints the engine's own view SQL, pg_sleep stalls).
  return (
    FORBIDDEN_SCALAR_FUNCTIONS.has(lower) ||
    ["read_", "duckdb_", "pragma_", "pg_", "icu_", "which_"].some((prefix) => lower.startsWith(prefix))
  );
}
