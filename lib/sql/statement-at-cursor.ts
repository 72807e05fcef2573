import { tokenizeMysql } from "./mysql-lexer";

/**
 * One statement of a script: its text without the closing `;`; `start` is its first code token
 * (leading blanks and comments belong to no one), `end` the offset of its `;` or the script's end.
 */
export interface ScriptStatement {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a script at the `;` that end statements. The shared MySQL lexer decides what a `;` is,
 * so one inside a string, a quoted name or a comment never cuts a statement in two.
 * Statements that hold only blanks and comments are dropped.
 */
export function splitStatements(script: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let start = 0;
  let codeStart: number | undefined;
  const close = (end: number) => {
    if (codeStart !== undefined) statements.push({ text: script.slice(start, end).trim(), start: codeStart, end });
    codeStart = undefined;
  };
  for (const token of tokenizeMysql(script)) {
    if (token.kind === "symbol" && token.text === ";") {
      close(token.start);
      start = token.end;
    } else if (codeStart === undefined && token.kind !== "space" && token.kind !== "comment") {
      codeStart = token.start;
    }
  }
  close(script.length);
  return statements;
}

/**
 * The statement a Run at `offset` means: the one the cursor is in; on a line's end after a `;`
 * or on blank lines between statements, the closest one before it (as SQL Lab and DBeaver do),
 * else the first after it. Undefined for a script with no statement.
 */
export function statementAtOffset(script: string, offset: number): string | undefined {
  const statements = splitStatements(script);
  const inside = statements.find((s) => offset >= s.start && offset <= s.end);
  if (inside) return inside.text;
  const before = statements.filter((s) => s.end < offset).at(-1);
  return (before ?? statements[0])?.text;
}
