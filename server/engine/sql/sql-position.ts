import { positionOfOffset, type SqlPosition } from "../../../lib/sql/sql-text-position";

/**
 * Positions in SQL text. DuckDB reports byte offsets into the UTF-8 text; the editor wants 1-based
 * line and column (in characters) of the text the user typed.
 */
export { positionOfOffset, type SqlPosition };

export function positionOfByteOffset(sql: string, byteOffset: number): SqlPosition {
  const prefix = Buffer.from(sql, "utf8").subarray(0, Math.max(0, byteOffset)).toString("utf8");
  return positionOfOffset(sql, prefix.length);
}

/**
 * Recovers the position from DuckDB's error context ("LINE 3: SELECT …\n          ^"), which is
 * the only position a binder or catalog error carries. The context may be an excerpt ("...").
 */
export function positionOfErrorContext(sql: string, message: string): SqlPosition | undefined {
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const prefixLength = `LINE ${match[1]}: `.length;
  const caret = match[3]!.length - prefixLength;
  let excerpt = match[2]!;
  const sourceLine = sql.split("\n")[line - 1];
  if (sourceLine === undefined || caret < 0) return undefined;
  if (!excerpt.startsWith("...")) return { line, column: caret + 1 };
  excerpt = excerpt.slice(3).replace(/\.\.\.$/, "");
  const start = sourceLine.indexOf(excerpt);
  return start < 0 ? { line, column: 1 } : { line, column: start + caret - 3 + 1 };
}

/** The string index of a line and column (in characters), the inverse of positionOfOffset. */
export function offsetOfPosition(sql: string, position: SqlPosition): number {
  const lines = sql.split("\n");
  const before = lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0);
  const prefix = [...(lines[position.line - 1] ?? "")].slice(0, position.column - 1).join("");
  return before + prefix.length;
}
