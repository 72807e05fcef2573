import { STAGED_METADATA_TARGETS, stagedMetadataSql } from "./extract-rows-sql";
import { jsonPathOfKey } from "./json-keys";
import { quoteIdentifier, quoteLiteral } from "./quote-identifier";
import { TYPED_STAGING_TABLE } from "./staging-table";

/** Where one field of a writer schema lands. */
export interface TypedColumnTarget {
  /** The table column. */
  column: string;
  /** The field's name in the decoded value (as the schema spells it). */
  field: string;
  /** The table column's DuckDB type. */
  type: string;
  /** The schema gives the field this type too (else values that do not convert are misfits). */
  sameType: boolean;
  /** Top-level bytes: base64 text in the decoded value, BLOB in the column. */
  base64: boolean;
}

const NESTED = /^(STRUCT|MAP)\(|\[\]$|^JSON$/;

/**
 * One `INSERT … SELECT` for the staged Avro/Protobuf rows of one schema id: every field extracted
 * from the decoded value's JSON text with one parse per row (a list of paths) and cast to its
 * column's type (`'-12345.67'` → DECIMAL(10,2), an ISO instant → TIMESTAMP, an object → STRUCT).
 * A field whose column has another type (the schema changed it) is cast too; a value that does not
 * convert is NULL there and recorded in `_misfits`, like a JSON misfit. Returns each row's misfit
 * columns when there can be any (`RETURNING`), for the counts.
 */
export function insertTypedRowsSql(
  table: string,
  schemaId: number,
  targets: readonly TypedColumnTarget[],
): { sql: string; returnsMisfits: boolean } {
  const scalarPaths: string[] = [];
  const nestedPaths: string[] = [];
  const values: string[] = [];
  const misfits: string[] = [];
  targets.forEach((target, index) => {
    const path = quoteLiteral(jsonPathOfKey(target.field));
    let value: string;
    if (NESTED.test(target.type)) {
      nestedPaths.push(path);
      const json = `j[${nestedPaths.length}]`;
      value = target.type === "JSON" ? `nullif(${json}::VARCHAR, 'null')::JSON` : `TRY_CAST(${json} AS ${target.type})`;
    } else {
      scalarPaths.push(path);
      const text = `s[${scalarPaths.length}]`;
      if (target.type === "VARCHAR") value = text;
      else if (target.base64 && target.type === "BLOB") value = `from_base64(${text})`;
      else value = `TRY_CAST(${text} AS ${target.type})`;
    }
    const name = quoteIdentifier(`$c${index}`);
    values.push(`${value} AS ${name}`);
    if (target.sameType) return;
    const raw = `json_extract(v, ${path})::VARCHAR`;
    misfits.push(
      `CASE WHEN ${name} IS NULL AND coalesce(${raw}, 'null') <> 'null' THEN ${quoteLiteral(`${JSON.stringify(target.column)}:`)} || ${raw} END`,
    );
  });
  const lists = [
    scalarPaths.length > 0 ? `json_extract_string(v, [${scalarPaths.join(", ")}]) AS s` : undefined,
    nestedPaths.length > 0 ? `json_extract(v, [${nestedPaths.join(", ")}]) AS j` : undefined,
  ].filter((part) => part !== undefined);
  const misfitsJson =
    misfits.length > 0 ? `TRY_CAST(nullif('{' || concat_ws(',', ${misfits.join(", ")}) || '}', '{}') AS JSON)` : "NULL::JSON";
  const targetNames = [...STAGED_METADATA_TARGETS, "_raw", "_misfits", ...targets.map((target) => target.column)];
  // The schema id is a number from the wire format, never text: safe to write into the SQL.
  const sql =
    `INSERT INTO ${table} (${targetNames.map(quoteIdentifier).join(", ")}) ` +
    `SELECT ${stagedMetadataSql("false", "e")}, NULL::VARCHAR, ${misfitsJson}${targets.map((_, index) => `, ${quoteIdentifier(`$c${index}`)}`).join("")} ` +
    `FROM (SELECT *${values.map((value) => `, ${value}`).join("")} ` +
    `FROM (SELECT *${lists.map((list) => `, ${list}`).join("")} FROM ${TYPED_STAGING_TABLE} WHERE sid = ${Math.trunc(schemaId)}))`;
  return misfits.length > 0 ? { sql: `${sql} RETURNING json_keys(_misfits)`, returnsMisfits: true } : { sql, returnsMisfits: false };
}
