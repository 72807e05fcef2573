/** A 1-based line and column (in characters) in SQL text, what the editor marks. */
export interface SqlPosition {
  line: number;
  column: number;
}

/** The position of the character at `offset` (a JavaScript string index). */
export function positionOfOffset(sql: string, offset: number): SqlPosition {
  const lines = sql.slice(0, Math.max(0, offset)).split("\n");
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}
