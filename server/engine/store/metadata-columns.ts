/** Columns every topic table has besides the fields of its values, in display order. */
export const METADATA_COLUMNS = [
  { name: "_partition", type: "INTEGER" },
  { name: "_offset", type: "BIGINT" },
  { name: "_timestamp", type: "TIMESTAMP" },
  { name: "_key", type: "VARCHAR" },
  /** Header key → its values (text; a key may repeat), NULL for a record without headers. */
  { name: "_headers", type: "JSON" },
  /** The registry schema the value was written with (Avro, Protobuf, JSON Schema); NULL for plain JSON. */
  { name: "_schema_id", type: "INTEGER" },
  { name: "_corrupt", type: "BOOLEAN" },
  /** Why the value (or, as `key:<reason>`, the key) could not be decoded; see the README. */
  { name: "_decode_error", type: "VARCHAR" },
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
