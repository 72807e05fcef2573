/** Keys longer than this never become columns (they are recorded with the message instead). */
export const MAX_KEY_LENGTH = 255;

/**
 * Whether a top-level JSON key can be a column: DuckDB's JSON paths cannot name a key holding
 * `"` or `\`, take `*` as a wildcard, and an identifier cannot be empty.
 */
export function isColumnableKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_LENGTH && key !== "*" && !key.includes('"') && !key.includes("\\");
}

/** The JSON path of a top-level key (quoted, so `.`, `$`, `[` and spaces are plain characters). */
export function jsonPathOfKey(key: string): string {
  return `$."${key}"`;
}
