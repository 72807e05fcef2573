import type { DuckDBConnection } from "@duckdb/node-api";
import { FomoError } from "../../../lib/errors";
import { ALLOWED_TABLE_FUNCTIONS, ALLOWED_TABLE_REF_TYPES, ENGINE_PSEUDO_COLUMNS, isForbiddenScalarFunction } from "./sandbox-rules";
import type { SqlPosition } from "./sql-position";
import type { TranslatedSql } from "./translated-sql";

/** A read-only SELECT that passed the sandbox, with what it reads. */
export interface AnalyzedSelect {
  /** Names used in FROM that are not CTEs: each must be a topic (byte offsets into the translated text). */
  tableRefs: { name: string; byteOffset: number | undefined }[];
  /** The outermost query node (for MySQL-style output column names). */
  root: AstNode;
  /** Bare names DuckDB would answer itself (`current_user`…) unless a topic has such a column. */
  pseudoColumns: { name: string; position: SqlPosition | undefined }[];
}

export type AstNode = { [key: string]: unknown };

interface SerializedSql {
  error: boolean;
  error_type?: string;
  error_message?: string;
  position?: string;
  statements?: { node: AstNode }[];
}

const NOT_A_LOCATION = 2 ** 63;

/**
 * Checks user SQL with DuckDB's own parser (`json_serialize_sql`, parse only, nothing runs):
 * exactly one statement, a SELECT (DuckDB serializes nothing else), and only allowed table
 * references and functions. Throws FomoError with a `sandbox:*` or `bad_request:syntax` code.
 */
export async function analyzeStatement(connection: DuckDBConnection, translation: TranslatedSql): Promise<AnalyzedSelect> {
  const sql = translation.text;
  const locate = (byteOffset: number): SqlPosition => translation.positionOfByteOffset(byteOffset);
  let parsed: SerializedSql;
  try {
    const reader = await connection.runAndReadAll("SELECT json_serialize_sql($1::VARCHAR)", [sql]);
    parsed = JSON.parse(String(reader.getRows()[0]?.[0])) as SerializedSql;
  } catch (cause) {
    // Some statements do work while parsing (IMPORT DATABASE reads files): never a read.
    parsed = { error: true, error_type: "not a select", error_message: String(cause) };
  }
  if (parsed.error) {
    if (parsed.error_type === "parser") {
      const position = parsed.position === undefined ? undefined : locate(Number(parsed.position));
      throw new FomoError("bad_request:syntax", `Parser Error: ${parsed.error_message ?? "syntax error"}`, position);
    }
    // Anything that is not a SELECT cannot be serialized: count statements to say which rule broke.
    const count = await connection.extractStatements(sql).then(
      (statements) => statements.count,
      () => 1,
    );
    if (count > 1) throw multipleStatements(count);
    throw new FomoError(
      "sandbox:forbidden_statement",
      `Only read statements are allowed (SELECT, WITH … SELECT, VALUES, SHOW TABLES, DESCRIBE); refused: ${firstKeyword(sql)}`,
    );
  }
  const statements = parsed.statements ?? [];
  if (statements.length === 0) throw new FomoError("bad_request:empty_query", "The SQL text holds no statement");
  if (statements.length > 1) throw multipleStatements(statements.length);
  const root = statements[0]!.node;
  const cteNames = new Set<string>();
  const tableRefs: AnalyzedSelect["tableRefs"] = [];
  const pseudoColumns: AnalyzedSelect["pseudoColumns"] = [];
  visit(root, locate, cteNames, tableRefs, pseudoColumns);
  return { tableRefs: tableRefs.filter((ref) => !cteNames.has(ref.name.toLowerCase())), root, pseudoColumns };
}

function visit(
  value: unknown,
  locate: Locate,
  cteNames: Set<string>,
  tableRefs: AnalyzedSelect["tableRefs"],
  pseudoColumns: AnalyzedSelect["pseudoColumns"],
): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, locate, cteNames, tableRefs, pseudoColumns);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const node = value as AstNode;
  const cteMap = (node.cte_map as { map?: { key: string }[] } | undefined)?.map;
  for (const entry of cteMap ?? []) cteNames.add(entry.key.toLowerCase());
  if (isTableRef(node)) checkTableRef(node, locate, tableRefs);
  else if (node.class === "FUNCTION") checkScalarFunction(node, locate);
  else if (node.class === "COLUMN_REF") notePseudoColumn(node, locate, pseudoColumns);
  for (const key in node) visit(node[key], locate, cteNames, tableRefs, pseudoColumns);
}

function isTableRef(node: AstNode): boolean {
  return typeof node.type === "string" && !("class" in node) && "sample" in node && !node.type.endsWith("_NODE");
}

function checkTableRef(node: AstNode, locate: Locate, tableRefs: AnalyzedSelect["tableRefs"]): void {
  const type = node.type as string;
  const at = positionOf(node, locate);
  if (!ALLOWED_TABLE_REF_TYPES.has(type)) {
    throw new FomoError("sandbox:forbidden_table_reference", `This kind of table reference is not allowed here (${type})`, at);
  }
  if (type === "TABLE_FUNCTION") {
    const fn = node.function as AstNode | undefined;
    const name = String(fn?.function_name ?? "").toLowerCase();
    if (!ALLOWED_TABLE_FUNCTIONS.has(name) || fn?.schema || fn?.catalog) {
      throw new FomoError(
        "sandbox:forbidden_function",
        `Table function ${name}() is not allowed: queries read topics only (allowed: ${[...ALLOWED_TABLE_FUNCTIONS].join(", ")})`,
        positionOf(fn ?? node, locate),
      );
    }
    // Its arguments are still checked by the generic walk (e.g. range(getvariable('x'))).
    return;
  }
  if (type === "BASE_TABLE") {
    const name = String(node.table_name);
    if (node.schema_name || node.catalog_name) {
      const qualified = [node.catalog_name, node.schema_name, name].filter(Boolean).join(".");
      throw new FomoError(
        "sandbox:forbidden_table",
        `${qualified}: name a topic without catalog or schema (every topic is a table of schema "default")`,
        at,
      );
    }
    if (node.at_clause) throw new FomoError("sandbox:forbidden_table", "Time travel (AT …) is not supported", at);
    tableRefs.push({ name, byteOffset: byteOffsetOf(node) });
  }
}

function checkScalarFunction(node: AstNode, locate: Locate): void {
  const name = String(node.function_name ?? "");
  // The parser qualifies some built-ins itself (`(a, b)` is main.row); any other qualifier is refused.
  const qualified = !["", "main", "pg_catalog"].includes(String(node.schema ?? "")) || !["", "system"].includes(String(node.catalog ?? ""));
  if (isForbiddenScalarFunction(name) || qualified) {
    throw new FomoError(
      "sandbox:forbidden_function",
      `Function ${name}() is not allowed in the read-only sandbox`,
      positionOf(node, locate),
    );
  }
}

function notePseudoColumn(node: AstNode, locate: Locate, pseudoColumns: AnalyzedSelect["pseudoColumns"]): void {
  const names = node.column_names;
  if (!Array.isArray(names) || names.length !== 1) return;
  const name = String(names[0]).toLowerCase();
  if (ENGINE_PSEUDO_COLUMNS.has(name)) pseudoColumns.push({ name, position: positionOf(node, locate) });
}

function byteOffsetOf(node: AstNode): number | undefined {
  const location = node.query_location;
  return typeof location === "number" && location < NOT_A_LOCATION ? location : undefined;
}

type Locate = (byteOffset: number) => SqlPosition;

function positionOf(node: AstNode, locate: Locate): SqlPosition | undefined {
  const offset = byteOffsetOf(node);
  return offset === undefined ? undefined : locate(offset);
}

function multipleStatements(count: number): FomoError {
  return new FomoError("sandbox:multiple_statements", `Exactly one statement per request is allowed; got ${count}`);
}

function firstKeyword(sql: string): string {
  const words = sql
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ")
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .join(" ");
  return words.toUpperCase() || "empty statement";
}
