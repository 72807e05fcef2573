/**
 * MySQL's lexical rules, the one lexer of the codebase: the engine's translation, the warehouse
 * guard and (later) the editor read SQL the way the MySQL/MariaDB server does, so no statement
 * means one thing to a check and another to the server. Pure, no server imports.
 *
 * Every character of the text belongs to exactly one token, so tokens' offsets are offsets into
 * the text as typed. The rules (MariaDB's, checked against the real server):
 * - `--` starts a comment only when followed by a space, a control character or the end of the
 *   text (`5--2` is 5 - -2); `#` comments to the end of the line; `/* … *\/` does not nest.
 * - `/*! … *\/`, `/*!50100 … *\/` and `/*M! … *\/` are code the server runs, `/*+ … *\/` optimizer hints
 *   it reads: they are "executable" comments, which callers refuse (see comment-rules.ts).
 * - `'…'` and `"…"` are strings (MySQL's default sql_mode: ANSI_QUOTES and NO_BACKSLASH_ESCAPES
 *   off), with a doubled quote or a backslash escape inside; `` `…` `` is a name, `` `` `` inside.
 * - numbers: `1`, `1.5`, `.5`, `1.`, `1e3`, `1.5e-3`, `0x1F`, `0b01`; `x'1F'` and `b'01'` too.
 *   A digit run that runs on into letters (`1e`, `0x1G`, `123abc`) is a name, as in MySQL.
 */
export type SqlTokenKind =
  | "space"
  | "comment"
  /** `/*! … *\/`, `/*M! … *\/` or `/*+ … *\/`: read by the server, never a comment to a checker. */
  | "executable_comment"
  /** `'…'` (and `x'…'`-style literals are numbers). */
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
  /** A string, name or block comment that the text ends inside of. */
  unterminated?: true;
}

export interface MysqlLexerOptions {
  /**
   * Whether a backslash escapes the next character inside strings (MySQL's default). Off for text
   * in standard SQL spelling, such as the engine's DuckDB translation.
   */
  backslashEscapes?: boolean;
}

/** Operators read as one token (longest first); any other symbol is one character. */
const OPERATORS = ["<=>", "->>", "<>", "!=", "<=", ">=", "||", "&&", "::", "->", ":=", "//", "<<", ">>"];

const WORD_START = /[\p{L}_$@]/u;
const WORD_PART = /[\p{L}\p{N}_$@]/u;
const NUMBER = /^(?:0x[0-9a-f]+|0b[01]+|(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/iu;
const BIT_OR_HEX_STRING = /^(?:x'[0-9a-f]*'|b'[01]*')/iu;

export function tokenizeMysql(sql: string, options: MysqlLexerOptions = {}): SqlToken[] {
  const backslashEscapes = options.backslashEscapes ?? true;
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlTokenKind, end: number, unterminated = false) => {
    const token: SqlToken = { kind, text: sql.slice(i, end), start: i, end };
    if (unterminated) token.unterminated = true;
    tokens.push(token);
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/u.test(ch)) push("space", endOfSpace(sql, i));
    else if (ch === "#" || (sql.startsWith("--", i) && isCommentDashEnd(sql, i + 2))) push("comment", endOfLine(sql, i));
    else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      push(isExecutableComment(sql, i) ? "executable_comment" : "comment", end < 0 ? sql.length : end + 2, end < 0);
    } else if (ch === "'") push("string", ...endOfQuoted(sql, i, "'", backslashEscapes));
    else if (ch === '"') push("quoted", ...endOfQuoted(sql, i, '"', backslashEscapes));
    else if (ch === "`") push("backtick", ...endOfQuoted(sql, i, "`", false));
    else if (/[xb]/i.test(ch) && sql[i + 1] === "'" && BIT_OR_HEX_STRING.test(sql.slice(i)))
      push("number", i + BIT_OR_HEX_STRING.exec(sql.slice(i))![0].length);
    else if (/[0-9.]/.test(ch) && NUMBER.test(sql.slice(i))) {
      const end = i + NUMBER.exec(sql.slice(i))![0].length;
      // MySQL names may start with digits: `1e`, `0x1G` and `123abc` are names, not numbers.
      if (WORD_PART.test(sql[end] ?? "")) push("word", endOfWord(sql, end));
      else push("number", end);
    } else if (WORD_START.test(ch)) push("word", endOfWord(sql, i));
    else push("symbol", i + (OPERATORS.find((op) => sql.startsWith(op, i))?.length ?? 1));
  }
  return tokens;
}

/** Tokens that carry meaning (no spaces, no comments), in order. */
export function significantTokens(tokens: SqlToken[]): SqlToken[] {
  return tokens.filter((token) => token.kind !== "space" && token.kind !== "comment" && token.kind !== "executable_comment");
}

export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.kind === "word" && words.includes(token.text.toUpperCase());
}

export function isSymbol(token: SqlToken | undefined, symbol: string): boolean {
  return token?.kind === "symbol" && token.text === symbol;
}

/** MySQL: the second dash must be followed by whitespace or a control character (or end the text). */
function isCommentDashEnd(sql: string, at: number): boolean {
  if (at >= sql.length) return true;
  const code = sql.charCodeAt(at);
  return code <= 0x20 || code === 0x7f;
}

function isExecutableComment(sql: string, at: number): boolean {
  const marker = sql[at + 2];
  return marker === "!" || marker === "+" || (marker === "M" && sql[at + 3] === "!");
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

/** The end of a quoted token and whether it is unterminated: a doubled quote stays inside, and so does a backslash escape. */
function endOfQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): [number, boolean] {
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
      return [j + 1, false];
    }
    j++;
  }
  return [sql.length, true];
}

function endOfWord(sql: string, from: number): number {
  let j = from;
  while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
  return Math.max(j, from + 1);
}
