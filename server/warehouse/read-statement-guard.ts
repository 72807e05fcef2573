import { FomoError } from "../../lib/errors";
import { refuseUnsafeComments } from "../../lib/sql/comment-rules";
import { isSymbol, significantTokens, tokenizeMysql } from "../../lib/sql/mysql-lexer";
import { positionOfOffset } from "../../lib/sql/sql-text-position";

/**
 * Refuses anything but one read statement before it is sent to the warehouse. The read-only
 * account's grants are the real barrier; this check gives the analyst the same clear error codes
 * as the Kafka engine (`sandbox:forbidden_statement`, `sandbox:multiple_statements`) and stops
 * statements that need no privilege but change session state (`SELECT … INTO @var`, `SET`).
 */

const READ_STATEMENTS = new Set(["SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN"]);

/**
 * Reserved words that only appear in writing statements (or `SELECT … INTO`). When such a word is
 * followed by `(` it is a function call (`REPLACE(s, a, b)`, `INSERT(s, p, l, t)`) and allowed.
 */
const WRITE_WORDS = new Set([
  "INSERT",
  "UPDATE",
  "DELETE",
  "REPLACE",
  "INTO",
  "CREATE",
  "DROP",
  "ALTER",
  "TRUNCATE",
  "RENAME",
  "GRANT",
  "REVOKE",
  "LOAD",
  "CALL",
  "LOCK",
  "UNLOCK",
]);

/**
 * What may follow SHOW: the catalog of the analyst's own tables. Server-wide SHOW VARIABLES,
 * STATUS, PROCESSLIST, ENGINE … would describe the server rather than the data.
 */
const SHOW_SUBJECTS = new Set([
  "TABLES",
  "FULL",
  "COLUMNS",
  "FIELDS",
  "CREATE",
  "INDEX",
  "INDEXES",
  "KEYS",
  "DATABASES",
  "SCHEMAS",
  "TABLE",
]);

interface Token {
  kind: "word" | "symbol";
  text: string;
  offset: number;
}

export interface CheckedReadStatement {
  /** The statement to send: the text as typed, without a trailing `;` (line numbers unchanged). */
  sql: string;
  /** Upper-cased first keyword: SELECT, WITH, SHOW, DESCRIBE, DESC or EXPLAIN. */
  keyword: string;
}

function refuse(code: "sandbox:forbidden_statement" | "sandbox:multiple_statements", message: string, sql: string, offset: number): never {
  throw new FomoError(code, message, positionOfOffset(sql, offset));
}

/**
 * The statement's words and symbols as the server reads them (the shared MySQL lexer): strings
 * become a `'` symbol, quoted names a `` ` `` word, so neither is taken for a keyword; a word
 * after `.` is a qualified name (`t.into`), not a keyword either.
 */
function tokenize(sql: string): Token[] {
  const lexed = tokenizeMysql(sql);
  refuseUnsafeComments(sql, lexed);
  return significantTokens(lexed).map((token, index, all): Token => {
    const offset = token.start;
    if (token.kind === "string" || token.kind === "quoted") return { kind: "symbol", text: "'", offset };
    if (token.kind === "backtick" || isSymbol(all[index - 1], ".")) return { kind: "word", text: "`", offset };
    if (token.kind === "word" || token.kind === "number") return { kind: "word", text: token.text.toUpperCase(), offset };
    return { kind: "symbol", text: token.text, offset };
  });
}

/**
 * Checks that `sql` is exactly one read statement and returns it ready to send; throws a FomoError
 * with the engine's codes (and the offending line/column) otherwise.
 */
export function checkReadStatement(sql: string): CheckedReadStatement {
  const tokens = tokenize(sql);
  let statementTokens = tokens;
  let sendable = sql;

  const firstSemicolon = tokens.findIndex((token) => token.text === ";");
  if (firstSemicolon !== -1) {
    const rest = tokens.slice(firstSemicolon + 1);
    const extra = rest.find((token) => token.text !== ";");
    if (extra) {
      refuse("sandbox:multiple_statements", "Only one statement per query is allowed", sql, extra.offset);
    }
    statementTokens = tokens.slice(0, firstSemicolon);
    sendable = sql.slice(0, (tokens[firstSemicolon] as Token).offset);
  }

  const first = statementTokens.find((token) => token.text !== "(");
  if (!first) throw new FomoError("bad_request:empty_query", "The query is empty");
  if (first.kind !== "word" || !READ_STATEMENTS.has(first.text)) {
    refuse(
      "sandbox:forbidden_statement",
      `Only read statements (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) are allowed on the warehouse; got ${first.text}`,
      sql,
      first.offset,
    );
  }

  if (first.text === "SHOW") {
    const position = statementTokens.indexOf(first);
    const subject = statementTokens[position + 1];
    // SHOW CREATE USER would print the account's password hash: only tables, views and databases.
    const createOf = subject?.text === "CREATE" ? statementTokens[position + 2]?.text : "TABLE";
    if (!subject || !SHOW_SUBJECTS.has(subject.text) || !["TABLE", "VIEW", "DATABASE", "SCHEMA"].includes(createOf ?? "")) {
      refuse(
        "sandbox:forbidden_statement",
        "Only SHOW TABLES, SHOW COLUMNS, SHOW CREATE TABLE, SHOW INDEX and SHOW DATABASES are allowed",
        sql,
        (subject ?? first).offset,
      );
    }
  } else {
    // SHOW CREATE TABLE names CREATE and stays a read; the others must not embed a write.
    statementTokens.forEach((token, position) => {
      if (token.kind !== "word" || !WRITE_WORDS.has(token.text)) return;
      if (statementTokens[position + 1]?.text === "(") return;
      refuse("sandbox:forbidden_statement", `${token.text} is not allowed in a read-only query`, sql, token.offset);
    });
  }

  return { sql: sendable, keyword: first.text };
}
