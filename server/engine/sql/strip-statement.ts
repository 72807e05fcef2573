import { tokenizeMysql } from "../../../lib/sql/mysql-lexer";

/**
 * The SQL without trailing semicolons and whitespace (MySQL clients send `…;`), cut where the
 * lexer says so (a `;` inside an unterminated string or after `--` stays); the prefix is kept
 * intact so positions still match.
 */
export function stripTrailingSemicolons(sql: string): string {
  const tokens = tokenizeMysql(sql);
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1]!.kind === "space" || (tokens[end - 1]!.kind === "symbol" && tokens[end - 1]!.text === ";"))) end--;
  return sql.slice(0, tokens[end - 1]?.end ?? 0);
}
