/** Columns every topic table has besides the fields of its JSON values, in display order. */
export const METADATA_COLUMNS = [
  { name: "_partition", type: "INTEGER" },
  { name: "_offset", type: "BIGINT" },
  { name: "_timestamp", type: "TIMESTAMP" },
  { name: "_key", type: "VARCHAR" },
  { name: "_corrupt", type: "BOOLEAN" },
  { name: "_raw", type: "VARCHAR" },
  /** Field → its value as sent, for the fields whose value did not fit their column (NULL there). */
  { name: "_misfits", type: "JSON" },
] as const;

export const METADATA_COLUMN_NAMES: ReadonlySet<string> = new Set(METADATA_COLUMNS.map((column) => column.name));

/** The column a JSON field lands in: lower-cased; a clash with a metadata column gets a prefix. */
export function columnNameOfField(field: string): string {
  const lower = field.toLowerCase();
  return METADATA_COLUMN_NAMES.has(lower) ? `value${lower}` : lower;
}
