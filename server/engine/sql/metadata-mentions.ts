import { METADATA_COLUMN_NAMES } from "../store/metadata-columns";
import { tokenizeMysql } from "../../../lib/sql/mysql-lexer";

/**
 * Whether a statement names a metadata column (`_partition`, `_offset`, `_timestamp`, `_key`,
 * `_corrupt`, `_raw`), bare or quoted. The metadata columns are hidden columns, as in Trino's Kafka
 * connector: `SELECT *` returns a topic's fields only, the columns a warehouse table of the same
 * data has, unless the statement asks for metadata by name somewhere.
 */
export function namesMetadataColumn(sql: string): boolean {
  return tokenizeMysql(sql).some((token) => {
    if (token.kind === "word") return METADATA_COLUMN_NAMES.has(token.text.toLowerCase());
    if (token.kind === "quoted" || token.kind === "backtick") {
      return METADATA_COLUMN_NAMES.has(token.text.slice(1, -1).toLowerCase());
    }
    return false;
  });
}
