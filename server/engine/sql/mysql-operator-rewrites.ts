import { isSymbol, isWord, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { replaceRange, type SqlEdit } from "./translated-sql";

/**
 * MySQL operators DuckDB spells differently. `REGEXP`/`LIKE` become operators that the engine
 * defines as macros (see mysql-functions.ts): DuckDB parses an unknown operator as a call of the
 * function of that name, with the precedence of "any other operator" (tighter than comparisons,
 * looser than arithmetic), which keeps `a LIKE b AND c`, `NOT a LIKE b` and `a + 1 LIKE b` as in MySQL.
 */
export function operatorRewrites(code: SqlToken[]): SqlEdit[] {
  const edits: SqlEdit[] = [];
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    const previous = code[i - 1];
    if (isWord(token, "DIV") && endsOperand(previous)) {
      edits.push(replaceRange(token.start, token.end, "//"));
    } else if (isWord(token, "MOD") && endsOperand(previous) && !isSymbol(code[i + 1], "(")) {
      edits.push(replaceRange(token.start, token.end, "%"));
    } else if (isWord(token, "REGEXP", "RLIKE")) {
      edits.push(...matchOperator(code, i, "~*", "!~*"));
    } else if (isWord(token, "LIKE") && !isWord(code[i + 1], "BINARY") && !isWord(code[i + 2], "ESCAPE")) {
      edits.push(...matchOperator(code, i, "~~^", "!~~^"));
    } else if (isSymbol(token, "||")) {
      // MySQL's default sql_mode reads || as OR and && as AND (DuckDB: string concatenation, list overlap).
      edits.push(replaceRange(token.start, token.end, " OR "));
    } else if (isSymbol(token, "&&")) {
      edits.push(replaceRange(token.start, token.end, " AND "));
    }
  }
  return edits;
}

/** `x OP p` → `x positive p`; `x NOT OP p` → `x negative p`. */
function matchOperator(code: SqlToken[], i: number, positive: string, negative: string): SqlEdit[] {
  const token = code[i]!;
  const previous = code[i - 1];
  if (isWord(previous, "NOT") && endsOperand(code[i - 2])) return [replaceRange(previous!.start, token.end, negative)];
  if (endsOperand(previous)) return [replaceRange(token.start, token.end, positive)];
  return [];
}

/** Words after which an operator cannot follow (the token before it is not the end of an operand). */
const NOT_OPERAND_END = new Set([
  "SELECT",
  "WHERE",
  "AND",
  "OR",
  "NOT",
  "ON",
  "BY",
  "HAVING",
  "WHEN",
  "THEN",
  "ELSE",
  "CASE",
  "DISTINCT",
  "AS",
  "IN",
  "LIKE",
  "IS",
  "FROM",
  "JOIN",
  "SET",
  "XOR",
  "BETWEEN",
  "ALL",
  "ANY",
  "EXISTS",
  "RETURN",
]);

export function endsOperand(token: SqlToken | undefined): boolean {
  if (!token) return false;
  switch (token.kind) {
    case "number":
    case "string":
    case "quoted":
    case "backtick":
      return true;
    case "word":
      return !NOT_OPERAND_END.has(token.text.toUpperCase());
    case "symbol":
      return token.text === ")";
    default:
      return false;
  }
}
