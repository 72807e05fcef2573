import { jsonTypesOfKind, type ColumnType, type ValueKind } from "../ingest/column-types";
import { jsonPathOfKey } from "./json-keys";
import { quoteIdentifier, quoteLiteral } from "./quote-identifier";
import { IS_OBJECT } from "./staging-table";
import { castTextSql } from "./typed-value-sql";

/** A corrupt or overflowing value keeps at most this many characters of its text in `_raw`. */
export const MAX_RAW_CHARS = 64 * 1024;

/** The metadata columns every INSERT from a staging table fills, in `stagedMetadataSql`'s order. */
export const STAGED_METADATA_TARGETS = [
  "_partition",
  "_offset",
  "_timestamp",
  "_key",
  "_headers",
  "_schema_id",
  "_corrupt",
  "_decode_error",
];

/** Why a plain value is corrupt, named like server/decoding's reasons (`not-an-object`: valid JSON, but an array or a scalar). */
const JSON_DECODE_ERROR =
  "CASE WHEN ok THEN NULL WHEN v = '' THEN 'empty' WHEN json_valid(v) THEN 'not-an-object' ELSE 'not-decodable' END";

/** The staged metadata (p, o, ts, k, h, sid) as the table's columns, then `_corrupt` and `_decode_error`. */
export function stagedMetadataSql(corrupt: string, decodeError: string): string {
  return `p, CAST(o AS BIGINT), epoch_ms(CAST(ts AS BIGINT)), k, h::JSON, sid, ${corrupt}, ${decodeError}`;
}

/** A value column as one batch extracts it. */
export interface ExtractedColumn {
  name: string;
  type: ColumnType;
  /** The JSON keys (as sent) that land in this column; the first that fits wins. */
  keys: string[];
  accepts: ReadonlySet<ValueKind>;
  /** The batch holds values of kinds the column does not accept: check each row's kind. */
  checkKinds: boolean;
}

/**
 * One `INSERT … SELECT` for a staged batch: every field extracted with one JSON parse per row (a
 * list of paths), converted to its column's type. A value of a kind the column does not accept, or
 * that the conversion refuses (1e400 and other non-finite numbers, integers beyond BIGINT), is NULL
 * in the column and its JSON text goes to `_misfits` under the column's name. `_raw` keeps the text
 * of corrupt values and of objects with keys that are not columns (`keysOfColumns` set).
 * Returns the misfit column names of each row with misfits (`RETURNING`), for the counts.
 */
export function insertFromStagingSql(
  table: string,
  source: string,
  columns: readonly ExtractedColumn[],
  keysOfColumns: readonly string[] | undefined,
): { sql: string; returnsMisfits: boolean } {
  const scalarPaths: string[] = [];
  const jsonPaths: string[] = [];
  const typePaths: string[] = [];
  const values: string[] = [];
  const misfits: string[] = [];
  columns.forEach((column, index) => {
    const present: string[] = [];
    const raws: string[] = [];
    const parts = column.keys.map((key) => {
      const path = quoteLiteral(jsonPathOfKey(key));
      let typeCheck: string | undefined;
      if (column.checkKinds) {
        typePaths.push(path);
        const accepted = [...column.accepts].flatMap(jsonTypesOfKind).map(quoteLiteral).join(", ");
        typeCheck = `t[${typePaths.length}] IN (${accepted})`;
        present.push(`(t[${typePaths.length}] IS NOT NULL AND t[${typePaths.length}] <> 'NULL')`);
      }
      let value: string;
      if (column.type === "JSON") {
        jsonPaths.push(path);
        value = `nullif(j[${jsonPaths.length}]::VARCHAR, 'null')::JSON`;
      } else {
        scalarPaths.push(path);
        const text = `s[${scalarPaths.length}]`;
        value = castTextSql(text, column.type);
        if (!column.checkKinds && column.type !== "VARCHAR") present.push(`${text} IS NOT NULL`);
      }
      raws.push(`json_extract(v, ${path})::VARCHAR`);
      return typeCheck ? `CASE WHEN ${typeCheck} THEN ${value} END` : value;
    });
    // Aliased: a field may be called `v`, `s` or `ok` like the staging columns beside it.
    const name = quoteIdentifier(`$c${index}`);
    values.push(`${parts.length === 1 ? parts[0]! : `coalesce(${parts.join(", ")})`} AS ${name}`);
    if (present.length === 0) return;
    // Only a column left NULL although a key held a value is a misfit; its first present key's text is recorded.
    const raw =
      raws.length === 1
        ? raws[0]!
        : `coalesce(${raws.map((text, index) => `CASE WHEN ${present[index] ?? "false"} THEN ${text} END`).join(", ")})`;
    misfits.push(
      `CASE WHEN ${name} IS NULL AND (${present.join(" OR ")}) THEN ${quoteLiteral(`${JSON.stringify(column.name)}:`)} || ${raw} END`,
    );
  });
  const lists = [
    scalarPaths.length > 0 ? `CASE WHEN ok THEN json_extract_string(v, [${scalarPaths.join(", ")}]) END AS s` : undefined,
    jsonPaths.length > 0 ? `CASE WHEN ok THEN json_extract(v, [${jsonPaths.join(", ")}]) END AS j` : undefined,
    typePaths.length > 0 ? `CASE WHEN ok THEN json_type(v, [${typePaths.join(", ")}]) END AS t` : undefined,
  ].filter((part) => part !== undefined);
  const overflow =
    keysOfColumns === undefined
      ? "false"
      : `(ok AND len(list_filter(json_keys(v), key -> NOT list_contains([${keysOfColumns.map(quoteLiteral).join(", ")}]::VARCHAR[], key))) > 0)`;
  // TRY_CAST: a record DuckDB could not read back must not fail the batch (and stall the partition).
  const misfitsJson =
    misfits.length > 0
      ? `CASE WHEN ok THEN TRY_CAST(nullif('{' || concat_ws(',', ${misfits.join(", ")}) || '}', '{}') AS JSON) END`
      : "NULL::JSON";
  const targets = [...STAGED_METADATA_TARGETS, "_raw", "_misfits", ...columns.map((column) => column.name)];
  const sql =
    `INSERT INTO ${table} (${targets.map(quoteIdentifier).join(", ")}) ` +
    `SELECT ${stagedMetadataSql("NOT ok", `coalesce(e, ${JSON_DECODE_ERROR})`)}, CASE WHEN NOT ok OR ${overflow} THEN left(v, ${MAX_RAW_CHARS}) END, ` +
    `${misfitsJson}${columns.map((_, index) => `, ${quoteIdentifier(`$c${index}`)}`).join("")} ` +
    `FROM (SELECT *${values.map((value) => `, ${value}`).join("")} ` +
    `FROM (SELECT *${lists.map((list) => `, ${list}`).join("")} FROM (SELECT *, ${IS_OBJECT} AS ok FROM ${source})))`;
  return misfits.length > 0 ? { sql: `${sql} RETURNING json_keys(_misfits)`, returnsMisfits: true } : { sql, returnsMisfits: false };
}
