import { isSymbol, isWord, significantTokens, tokenizeMysql } from "./mysql-lexer";

/**
 * The row count a statement's outermost LIMIT caps its result at (`LIMIT n`, `LIMIT off, n`,
 * `LIMIT n OFFSET off`), or undefined. A LIMIT inside parentheses (a subquery) caps only that.
 */
export function resultLimit(sql: string): number | undefined {
  const tokens = significantTokens(tokenizeMysql(sql));
  let depth = 0;
  let limit: number | undefined;
  tokens.forEach((token, index) => {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")")) depth--;
    else if (depth === 0 && isWord(token, "LIMIT")) {
      const first = tokens[index + 1];
      const afterComma = isSymbol(tokens[index + 2], ",") ? tokens[index + 3] : undefined;
      const count = afterComma ?? first;
      limit = count?.kind === "number" && /^\d+$/.test(count.text) ? Number(count.text) : undefined;
    }
  });
  return limit;
}
