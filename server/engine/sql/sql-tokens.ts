/**
 * MySQL's lexical structure, enough to rewrite MySQL spellings without touching string literals,
 * quoted names or comments. Every character of the text belongs to exactly one token, so the
 * tokens' offsets are offsets into the text as the user typed it.
 */
export type SqlTokenKind =
  | "space"
  | "comment"
  /** `'…'`, with MySQL's backslash escapes. */
  | "string"
  /** `"…"`: a string in MySQL's default mode, a name in DuckDB. */
  | "quoted"
  /** `` `…` ``: MySQL's quoted name. */
  | "backtick"
  | "word"
  | "number"
  | "symbol";

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  start: number;
  end: number;
}

/** Operators read as one token (longest first); any other symbol is one character. */
const OPERATORS = ["<=>", "->>", "<>", "!=", "<=", ">=", "||", "&&", "::", "->", ":=", "//", "<<", ">>"];

const WORD_START = /[\p{L}_$@]/u;
const WORD_PART = /[\p{L}\p{N}_$@]/u;

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlTokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/u.test(ch)) push("space", endOfSpace(sql, i));
    else if (sql.startsWith("--", i) || ch === "#") push("comment", endOfLine(sql, i));
    else if (sql.startsWith("/*", i)) push("comment", endOfBlockComment(sql, i));
    else if (ch === "'") push("string", endOfQuoted(sql, i, "'", true));
    else if (ch === '"') push("quoted", endOfQuoted(sql, i, '"', true));
    else if (ch === "`") push("backtick", endOfQuoted(sql, i, "`", false));
    else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) push("number", endOfNumber(sql, i));
    else if (WORD_START.test(ch)) push("word", endOfWord(sql, i));
    else push("symbol", i + (OPERATORS.find((op) => sql.startsWith(op, i))?.length ?? 1));
  }
  return tokens;
}

/** Tokens that carry meaning (no spaces, no comments), in order. */
export function significantTokens(tokens: SqlToken[]): SqlToken[] {
  return tokens.filter((token) => token.kind !== "space" && token.kind !== "comment");
}

export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.kind === "word" && words.includes(token.text.toUpperCase());
}

export function isSymbol(token: SqlToken | undefined, symbol: string): boolean {
  return token?.kind === "symbol" && token.text === symbol;
}

function endOfSpace(sql: string, from: number): number {
  let j = from;
  while (j < sql.length && /\s/u.test(sql[j]!)) j++;
  return j;
}

function endOfLine(sql: string, from: number): number {
  const end = sql.indexOf("\n", from);
  return end < 0 ? sql.length : end;
}

function endOfBlockComment(sql: string, from: number): number {
  const end = sql.indexOf("*/", from + 2);
  return end < 0 ? sql.length : end + 2;
}

/** The end of a quoted token: a doubled quote stays inside, and so does a backslash escape where MySQL reads one. */
function endOfQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let j = from + 1;
  while (j < sql.length) {
    if (backslashEscapes && sql[j] === "\\") {
      j += 2;
      continue;
    }
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return sql.length;
}

function endOfNumber(sql: string, from: number): number {
  const match = /^(?:0x[0-9a-f]+|\d*\.?\d+(?:e[-+]?\d+)?|\d+\.(?:e[-+]?\d+)?)/iu.exec(sql.slice(from));
  return from + Math.max(1, match?.[0].length ?? 1);
}

function endOfWord(sql: string, from: number): number {
  let j = from + 1;
  while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
  return j;
}
