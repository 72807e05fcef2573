import { DuckDBTypeId, type DuckDBConnection } from "@duckdb/node-api";
import type { AstNode } from "./analyze-statement";
import { isSymbol, isWord, significantTokens, tokenizeMysql, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, type TranslatedSql } from "./translated-sql";

/**
 * Orders results as the warehouse (MariaDB) does:
 * - Strings sort by the default collation, ignoring case (`(iPhone…` before `(Linux…`); DuckDB sorts
 *   by code point. Making every string column `COLLATE NOCASE` would give MySQL's comparisons too,
 *   but costs a lower() per row in every filter and GROUP BY (measured: seed top-3 at 10M 103 → 288
 *   ms, selective lookup 63 → 196 ms). Sorting alone is cheap to fix: the outermost ORDER BY items
 *   that name a string result column (by position, alias or name) or a string column of the tables
 *   read get `COLLATE NOCASE`.
 * - MariaDB sorts the groups of a GROUP BY without ORDER BY by the grouping keys (ROLLUP's total
 *   rows after their groups), before any LIMIT; DuckDB returns them in hash order. (NULLs sort first
 *   ascending, as in MySQL: the engine sets DuckDB's default_null_order at start.) Such a query gets
 *   an `ORDER BY` of its keys (when each key is a result column or a plain column).
 * Whether a result column is a string is asked of DuckDB by preparing the query (binding only), and
 * only when an item may be one.
 */
export async function withMysqlResultOrder(
  connection: DuckDBConnection,
  translation: TranslatedSql,
  root: AstNode,
  /** Whether a column of the tables read is a string (for a grouping key that is not a result column). */
  sourceColumnIsString: (name: string) => boolean,
): Promise<TranslatedSql> {
  const tokens = significantTokens(tokenizeMysql(translation.text, { backslashEscapes: false }));
  const explicit = explicitOrderItems(root, translation.text, tokens);
  const ordered = Array.isArray(root.modifiers) && (root.modifiers as AstNode[]).some((modifier) => modifier.type === "ORDER_MODIFIER");
  // `GROUP BY … ORDER BY NULL` (MySQL's way to skip the sort) has an ORDER BY: no implicit one.
  const implicit = ordered ? undefined : implicitOrderItems(root, translation.text, tokens);
  const items = explicit.length > 0 ? explicit : (implicit?.items ?? []);
  if (items.length === 0) return translation;
  const columns = items.some((item) => mayBeString(root, item)) ? await resultColumns(connection, translation.text) : [];
  const isString = (item: OrderItem) => {
    const index = item.position !== undefined ? item.position - 1 : uniqueIndex(columns ?? [], item.name);
    if (index !== undefined) return columns?.[index]?.isString === true;
    return item.name !== undefined && sourceColumnIsString(item.name);
  };
  if (!implicit) {
    return translation.withEdits(explicit.filter(isString).map((item) => insertAt(item.end!, " COLLATE NOCASE")));
  }
  // MySQL sorts NULL first, but puts ROLLUP's total rows (NULL keys) after their groups.
  const nulls = implicit.rollup ? " NULLS LAST" : "";
  const keys = implicit.items.map((item) => `${item.text}${isString(item) ? " COLLATE NOCASE" : ""}${nulls}`);
  return translation.withEdits([insertAt(implicit.at, `${implicit.before}ORDER BY ${keys.join(", ")}${implicit.after}`)]);
}

interface OrderItem {
  /** 1-based result column (ORDER BY 2). */
  position?: number;
  /** The name a column reference uses (its last part). */
  name?: string;
  /** Where an explicit item ends in the translated text. */
  end?: number;
  /** How an implicit item is written. */
  text?: string;
}

function explicitOrderItems(root: AstNode, text: string, tokens: SqlToken[]): OrderItem[] {
  const modifiers = Array.isArray(root.modifiers) ? (root.modifiers as AstNode[]) : [];
  const orders = modifiers
    .filter((modifier) => modifier.type === "ORDER_MODIFIER")
    .flatMap((modifier) => (modifier.orders as AstNode[] | undefined) ?? []);
  return orders.flatMap((order): OrderItem[] => {
    const expression = order.expression as AstNode | undefined;
    const token = expression ? tokenAt(text, tokens, expression.query_location) : undefined;
    if (!expression || !token) return [];
    const end = endOfReference(tokens, token);
    if (expression.class === "COLUMN_REF" && Array.isArray(expression.column_names))
      return [{ name: String(expression.column_names.at(-1)), end }];
    const position = positionOf(expression);
    return position === undefined ? [] : [{ position, end }];
  });
}

/** The grouping keys as ORDER BY items, and where the ORDER BY goes (before a top-level LIMIT/OFFSET). */
function implicitOrderItems(
  root: AstNode,
  text: string,
  tokens: SqlToken[],
): { items: OrderItem[]; at: number; before: string; after: string; rollup: boolean } | undefined {
  const keys = Array.isArray(root.group_expressions) ? (root.group_expressions as AstNode[]) : [];
  if (root.type !== "SELECT_NODE" || keys.length === 0 || !Array.isArray(root.select_list)) return undefined;
  const list = root.select_list as AstNode[];
  const items: OrderItem[] = [];
  for (const key of keys) {
    const position = positionOf(key) ?? matchingSelectItem(list, key);
    if (position !== undefined) items.push({ position, text: String(position) });
    else if (key.class === "COLUMN_REF" && Array.isArray(key.column_names)) {
      const names = key.column_names.map((name) => `"${String(name).replaceAll('"', '""')}"`);
      items.push({ name: String(key.column_names.at(-1)), text: names.join(".") });
    } else return undefined;
  }
  const limit = topLevelLimit(tokens);
  const rollup = Array.isArray(root.group_sets) && root.group_sets.length > 1;
  // After the last token, not at the end of the text, which may be a comment.
  if (limit === undefined) return { items, at: tokens.at(-1)?.end ?? text.length, before: " ", after: "", rollup };
  return { items, at: limit.start, before: "", after: " ", rollup };
}

/** The 1-based position of the select item a GROUP BY key repeats (same alias, same expression). */
function matchingSelectItem(list: AstNode[], key: AstNode): number | undefined {
  const shape = (node: AstNode) =>
    JSON.stringify(node, (name: string, value: unknown) => (name === "query_location" || name === "alias" ? undefined : value));
  const keyName =
    key.class === "COLUMN_REF" && Array.isArray(key.column_names) && key.column_names.length === 1
      ? String(key.column_names[0]).toLowerCase()
      : undefined;
  const byAlias = keyName === undefined ? -1 : list.findIndex((item) => String(item.alias ?? "").toLowerCase() === keyName);
  if (byAlias >= 0) return byAlias + 1;
  const byShape = list.findIndex((item) => shape(item) === shape(key));
  return byShape >= 0 ? byShape + 1 : undefined;
}

function topLevelLimit(tokens: SqlToken[]): SqlToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    else if (depth === 0 && isWord(token, "LIMIT", "OFFSET", "FETCH")) return token;
  }
  return undefined;
}

function positionOf(expression: AstNode): number | undefined {
  const value = (expression.value as AstNode | undefined)?.value;
  return expression.class === "CONSTANT" && typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** Numeric operators and aggregates never give a string: no need to ask DuckDB (the seed's `ORDER BY total`). */
const NUMERIC_FUNCTIONS = new Set([
  "count",
  "count_star",
  "sum",
  "avg",
  "mysql_avg",
  "stddev_pop",
  "stddev_samp",
  "var_pop",
  "var_samp",
  "+",
  "-",
  "*",
  "/",
  "//",
  "%",
  "row_number",
  "rank",
  "dense_rank",
]);

function mayBeString(root: AstNode, item: OrderItem): boolean {
  const list = Array.isArray(root.select_list) ? (root.select_list as AstNode[]) : [];
  const named = item.name?.toLowerCase();
  const selected =
    item.position !== undefined
      ? list[item.position - 1]
      : list.find((expression) => String(expression.alias ?? "").toLowerCase() === named);
  if (!selected) return true;
  if (selected.class === "FUNCTION" || selected.class === "WINDOW")
    return !NUMERIC_FUNCTIONS.has(String(selected.function_name).toLowerCase());
  return selected.class !== "CONSTANT" || (selected.value as { type?: { id?: string } }).type?.id === "VARCHAR";
}

function tokenAt(text: string, tokens: SqlToken[], byteOffset: unknown): SqlToken | undefined {
  if (typeof byteOffset !== "number" || byteOffset >= 2 ** 63) return undefined;
  const offset = Buffer.from(text, "utf8").subarray(0, byteOffset).toString("utf8").length;
  return tokens.find((token) => token.start === offset && token.kind !== "symbol");
}

/** The end of a (possibly qualified) name or a number starting at `token`. */
function endOfReference(tokens: SqlToken[], token: SqlToken): number {
  let index = tokens.indexOf(token);
  while (isSymbol(tokens[index + 1], ".") && tokens[index + 2] && tokens[index + 2]!.kind !== "symbol") index += 2;
  return tokens[index]!.end;
}

interface ResultColumn {
  name: string;
  isString: boolean;
}

async function resultColumns(connection: DuckDBConnection, sql: string): Promise<ResultColumn[] | undefined> {
  // A query that does not bind fails the same way when it runs: leave it as it is.
  const prepared = await connection.prepare(sql).catch(() => undefined);
  if (!prepared) return undefined;
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) => ({
      name: prepared.columnName(i),
      isString: prepared.columnTypeId(i) === DuckDBTypeId.VARCHAR,
    }));
  } finally {
    prepared.destroySync();
  }
}

function uniqueIndex(columns: ResultColumn[], name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const matches = columns.flatMap((column, index) => (column.name.toLowerCase() === name.toLowerCase() ? [index] : []));
  return matches.length === 1 ? matches[0] : undefined;
}
