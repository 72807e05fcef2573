import type { SqlToken } from "./sql-tokens";
import { replaceRange, type SqlEdit } from "./translated-sql";

/**
 * Token-level spellings: MySQL's backtick names, backslash escapes in strings and `#` comments
 * become DuckDB's double-quoted names, standard strings and `--` comments; the double-quoted texts
 * listed in `doubleQuotedStrings` become strings.
 */
export function literalRewrites(tokens: SqlToken[], doubleQuotedStrings: ReadonlySet<string> = new Set()): SqlEdit[] {
  const edits: SqlEdit[] = [];
  for (const token of tokens) {
    if (token.kind === "quoted" && doubleQuotedStrings.has(duckdbStringLiteral(token).slice(1, -1).replaceAll("''", "'"))) {
      edits.push(replaceRange(token.start, token.end, duckdbStringLiteral(token)));
    }
    if (token.kind === "backtick") edits.push(replaceRange(token.start, token.end, backtickToDoubleQuote(token.text)));
    else if (token.kind === "string" && token.text.includes("\\")) edits.push(replaceRange(token.start, token.end, duckdbStringLiteral(token)));
    else if (token.kind === "comment" && token.text.startsWith("#")) edits.push(replaceRange(token.start, token.end, `--${token.text.slice(1)}`));
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
