import { isSymbol, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, replaceRange, type SqlEdit } from "./translated-sql";

/**
 * Token-level spellings: MySQL's backtick names and backslash escapes in strings become DuckDB's
 * double-quoted names and standard strings; the double-quoted texts listed in `doubleQuotedStrings`
 * become strings. Comments become blanks of the same length (lines kept, so positions still map):
 * DuckDB would read `--x` as a comment and nest `/* /* *\/`, where MySQL does neither. Two minus
 * signs that touch (`5--2`, MySQL's 5 - -2) get a space, or DuckDB would read a comment.
 */
export function literalRewrites(tokens: SqlToken[], doubleQuotedStrings: ReadonlySet<string> = new Set()): SqlEdit[] {
  const edits: SqlEdit[] = [];
  tokens.forEach((token, index) => {
    if (isSymbol(token, "-") && isSymbol(tokens[index + 1], "-")) edits.push(insertAt(token.end, " "));
  });
  for (const token of tokens) {
    if (token.kind === "quoted" && doubleQuotedStrings.has(duckdbStringLiteral(token).slice(1, -1).replaceAll("''", "'"))) {
      edits.push(replaceRange(token.start, token.end, duckdbStringLiteral(token)));
    }
    if (token.kind === "backtick") edits.push(replaceRange(token.start, token.end, backtickToDoubleQuote(token.text)));
    else if (token.kind === "string" && token.text.includes("\\"))
      edits.push(replaceRange(token.start, token.end, duckdbStringLiteral(token)));
    else if (token.kind === "comment") edits.push(replaceRange(token.start, token.end, token.text.replace(/[^\n]/gu, " ")));
  }
  return edits;
}

function backtickToDoubleQuote(text: string): string {
  const inner = text.endsWith("`") && text.length > 1 ? text.slice(1, -1) : text.slice(1);
  return `"${inner.replaceAll("``", "`").replaceAll('"', '""')}"`;
}

/** MySQL's escapes; `\%` and `\_` keep their backslash (LIKE reads them). */
const ESCAPES: Record<string, string> = { "0": "\0", b: "\b", n: "\n", r: "\r", t: "\t", Z: "\x1a", "%": "\\%", _: "\\_" };

/** A MySQL string literal (`'…'` or `"…"`) as a DuckDB one (`'…'`, no escapes but a doubled quote). */
export function duckdbStringLiteral(token: SqlToken): string {
  const quote = token.text[0]!;
  const terminated = token.text.length > 1 && token.text.endsWith(quote);
  const body = terminated ? token.text.slice(1, -1) : token.text.slice(1);
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "\\" && i + 1 < body.length) {
      const next = body[++i]!;
      value += ESCAPES[next] ?? next;
    } else if (ch === quote && body[i + 1] === quote) {
      value += quote;
      i++;
    } else {
      value += ch;
    }
  }
  // An unterminated literal stays unterminated, for the parser to report.
  return `'${value.replaceAll("'", "''")}${terminated ? "'" : ""}`;
}
