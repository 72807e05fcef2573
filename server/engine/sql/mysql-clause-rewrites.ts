import { duckdbStringLiteral } from "./mysql-literals";
import { endsOperand } from "./mysql-operator-rewrites";
import { isSymbol, isWord, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, replaceRange, type SqlEdit } from "./translated-sql";

/**
 * MySQL clauses DuckDB spells differently:
 * - `LIMIT offset, count` → `LIMIT count OFFSET offset`;
 * - `GROUP BY a, b WITH ROLLUP` → `GROUP BY ROLLUP (a, b)` (the rolled-up rows have NULL keys in both);
 * - `SELECT SUM(x) 'total'` (a string as alias, without AS) → `SUM(x) "total"`.
 */
export function clauseRewrites(code: SqlToken[]): SqlEdit[] {
  const edits: SqlEdit[] = [];
  const depths = parenthesisDepths(code);
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    if (isWord(token, "LIMIT") && code[i + 1]?.kind === "number" && isSymbol(code[i + 2], ",") && code[i + 3]?.kind === "number") {
      const [offset, comma, count] = [code[i + 1]!, code[i + 2]!, code[i + 3]!];
      edits.push({
        start: offset.start,
        end: count.end,
        pieces: [
          { text: count.text, origin: count.start, linear: true },
          { text: " OFFSET ", origin: comma.start },
          { text: offset.text, origin: offset.start, linear: true },
        ],
      });
    } else if (isWord(token, "WITH") && isWord(code[i + 1], "ROLLUP")) {
      edits.push(...rollup(code, depths, i));
    } else if (isStringAlias(code, depths, i)) {
      edits.push(
        replaceRange(token.start, token.end, `"${duckdbStringLiteral(token).slice(1, -1).replaceAll("''", "'").replaceAll('"', '""')}"`),
      );
    }
  }
  return edits;
}

/** Words a string may follow without being an alias: typed literals (`DATE '2024-01-01'`) and keywords. */
const NOT_ALIASED = new Set([
  "DATE",
  "TIME",
  "TIMESTAMP",
  "DATETIME",
  "INTERVAL",
  "ESCAPE",
  "SEPARATOR",
  "BINARY",
  "REGEXP",
  "RLIKE",
  "DIV",
  "MOD",
  "_UTF8MB4",
  "N",
]);

/** A string right after a select item's expression (not after another string: 'a' 'b' is 'ab' in MySQL). */
function isStringAlias(code: SqlToken[], depths: number[], i: number): boolean {
  const token = code[i]!;
  const previous = code[i - 1];
  const next = code[i + 1];
  if (token.kind !== "string" || previous?.kind === "string" || !endsOperand(previous)) return false;
  if (previous?.kind === "word" && NOT_ALIASED.has(previous.text.toUpperCase())) return false;
  if (!(next === undefined || isSymbol(next, ",") || isWord(next, "FROM"))) return false;
  // Only in a select list: SELECT before it at the same depth, and no clause after that SELECT.
  for (let j = i - 1; j >= 0; j--) {
    if (depths[j] !== depths[i]) continue;
    if (isWord(code[j], "SELECT")) return true;
    if (isWord(code[j], "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "ON", "SET", "VALUES", "DATABASE", "TABLE")) return false;
  }
  return false;
}

function rollup(code: SqlToken[], depths: number[], withIndex: number): SqlEdit[] {
  const depth = depths[withIndex];
  for (let j = withIndex - 1; j > 0 && depths[j]! >= depth!; j--) {
    if (depths[j] === depth && isWord(code[j], "BY") && isWord(code[j - 1], "GROUP")) {
      const first = code[j + 1];
      const last = code[withIndex - 1];
      if (!first || !last || j + 1 >= withIndex) return [];
      const withToken = code[withIndex]!;
      const rollupToken = code[withIndex + 1]!;
      return [insertAt(first.start, "ROLLUP ("), insertAt(last.end, ")"), replaceRange(withToken.start, rollupToken.end, "")];
    }
  }
  return [];
}

/** The parenthesis depth each token sits at (an opening parenthesis sits outside what it opens). */
export function parenthesisDepths(code: SqlToken[]): number[] {
  let depth = 0;
  return code.map((token) => {
    if (isSymbol(token, ")")) depth = Math.max(0, depth - 1);
    const at = depth;
    if (isSymbol(token, "(")) depth++;
    return at;
  });
}
