import type { AstNode } from "./analyze-statement";
import { duckdbStringLiteral } from "./mysql-literals";
import { significantTokens, tokenizeMysql, type SqlToken } from "../../../lib/sql/mysql-lexer";

/**
 * MySQL names an unaliased result column by the expression's text exactly as typed
 * (`count(useragent)`, `COUNT(*)`, `SUM(amount)`); DuckDB prints its own rendering
 * (`count_star()`, `sum(amount)`). To return what MySQL returns, the outermost select list is cut
 * out of the original text and each unaliased, non-column expression is named by its text.
 * Returns undefined when the mapping is not one-to-one (stars, FROM-first syntax…).
 */
export function mysqlColumnNames(sql: string, root: AstNode, columnCount: number): (string | undefined)[] | undefined {
  let node = root;
  while (node.type === "SET_OPERATION_NODE" && node.left && typeof node.left === "object") node = node.left as AstNode;
  if (node.type !== "SELECT_NODE" || !Array.isArray(node.select_list)) return undefined;
  const expressions = node.select_list as AstNode[];
  if (expressions.length !== columnCount || expressions.some((e) => e.class === "STAR" || e.columns === true)) return undefined;
  const items = outermostSelectItems(sql);
  if (!items || items.length !== expressions.length) return undefined;
  return expressions.map((expression, i) => {
    if (expression.alias || expression.class === "COLUMN_REF") return undefined;
    return stringValueOf(items[i]!) ?? items[i];
  });
}

/** MySQL names a lone string literal (`SELECT '--'`, `SELECT "a--b"`) by its value, not its text. */
function stringValueOf(item: string): string | undefined {
  const tokens = significantTokens(tokenizeMysql(item));
  const only = tokens.length === 1 ? tokens[0]! : undefined;
  if (only?.unterminated || (only?.kind !== "string" && only?.kind !== "quoted")) return undefined;
  return duckdbStringLiteral(only).slice(1, -1).replaceAll("''", "'");
}

const CLAUSE_ENDS = new Set([
  "from",
  "where",
  "group",
  "having",
  "order",
  "limit",
  "offset",
  "window",
  "qualify",
  "union",
  "intersect",
  "except",
  "into",
]);

function outermostSelectItems(sql: string): string[] | undefined {
  const tokens = significantTokens(tokenizeMysql(sql));
  let depth = 0;
  let i = 0;
  for (; i < tokens.length; i++) {
    const word = tokens[i]!.text.toLowerCase();
    if (word === "(") depth++;
    else if (word === ")") depth--;
    else if (depth === 0 && word === "select") break;
  }
  if (i >= tokens.length) return undefined;
  i++;
  if (tokens[i] && ["distinct", "all"].includes(tokens[i]!.text.toLowerCase())) i++;
  const items: string[] = [];
  let itemStart: SqlToken | undefined;
  let last: SqlToken | undefined;
  depth = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.text.toLowerCase();
    if (depth === 0 && (CLAUSE_ENDS.has(word) || word === ",")) {
      if (!itemStart || !last) return undefined;
      items.push(sql.slice(itemStart.start, last.end));
      itemStart = undefined;
      if (word !== ",") break;
      continue;
    }
    if (word === "(") depth++;
    else if (word === ")") depth--;
    itemStart ??= token;
    last = token;
  }
  if (itemStart && last) items.push(sql.slice(itemStart.start, last.end));
  return items;
}
