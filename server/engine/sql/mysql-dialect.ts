import { refuseUnsafeComments } from "../../../lib/sql/comment-rules";
import { callRewrites } from "./mysql-call-rewrites";
import { clauseRewrites } from "./mysql-clause-rewrites";
import { dateRewrites } from "./mysql-date-rewrites";
import { literalRewrites } from "./mysql-literals";
import { refuseVariables } from "./mysql-variables";
import { operatorRewrites } from "./mysql-operator-rewrites";
import { isSymbol, significantTokens, tokenizeMysql, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, TranslatedSql, type SqlEdit } from "./translated-sql";

/**
 * Rewrites the MySQL an analyst types into DuckDB's spelling, outside string literals and comments,
 * so the same SQL runs on both sides of the story: backtick names, MySQL string escapes, comments
 * (blanked: DuckDB reads `--x` and nested block comments otherwise than MySQL), `5--2` (5 - -2),
 * `LIMIT o, n`, `DIV`, `REGEXP`/`RLIKE`, case-insensitive `LIKE`, `||`/`&&`,
 * `GROUP BY … WITH ROLLUP`, `GROUP_CONCAT(… SEPARATOR s)`, `POSITION(a IN b)`, `CONVERT`,
 * `TIMESTAMPDIFF`, MySQL cast types, and calls of functions whose DuckDB namesake means something
 * else (renamed to the engine's `mysql_*` macros, see mysql-functions.ts). Anything else is left
 * exactly as written; DuckDB's parser and the sandbox judge the result. The translation maps every
 * character back to the original text, so error positions point at what the user typed.
 */
export function translateMysqlDialect(sql: string, options: MysqlTranslationOptions = {}): TranslatedSql {
  const tokens = tokenizeMysql(sql);
  refuseUnsafeComments(sql, tokens);
  refuseVariables(sql, tokens);
  const code = significantTokens(tokens);
  const structural = [
    ...clauseRewrites(code),
    ...dateRewrites(code),
    ...callRewrites(code),
    ...operatorRewrites(code),
    ...anyValueWraps(code, options.anyValueAt),
  ];
  // A token a structural rewrite removed or moved (a GROUP_CONCAT separator) is rendered by it.
  const literal = literalRewrites(tokens, options.doubleQuotedStrings).filter((edit) => !structural.some((other) => overlaps(other, edit)));
  return TranslatedSql.fromEdits(sql, [...structural, ...literal]);
}

export interface MysqlTranslationOptions {
  /** Texts written in double quotes to read as strings (MySQL's meaning), not names. */
  doubleQuotedStrings?: ReadonlySet<string>;
  /**
   * Offsets (in the original) of column references to wrap in ANY_VALUE(): MariaDB's default
   * sql_mode lets a query select a column that is neither grouped nor aggregated (any value of the group).
   */
  anyValueAt?: ReadonlySet<number>;
}

function anyValueWraps(code: SqlToken[], offsets: ReadonlySet<number> = new Set()): SqlEdit[] {
  const edits: SqlEdit[] = [];
  for (const offset of offsets) {
    let index = code.findIndex((token) => token.start === offset && token.kind !== "symbol");
    if (index < 0) continue;
    const first = code[index]!;
    while (isSymbol(code[index + 1], ".") && code[index + 2] && code[index + 2]!.kind !== "symbol") index += 2;
    edits.push(insertAt(first.start, "any_value("), insertAt(code[index]!.end, ")"));
  }
  return edits;
}

function overlaps(a: SqlEdit, b: SqlEdit): boolean {
  return a.end > a.start && b.end > b.start && a.start < b.end && b.start < a.end;
}
