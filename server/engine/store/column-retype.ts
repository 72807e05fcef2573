import type { DuckDBConnection } from "@duckdb/node-api";
import { jsonTypesOfKind, type ColumnType, type ValueKind } from "../ingest/column-types";
import { jsonPathOfKey } from "./json-keys";
import { quoteIdentifier, quoteLiteral } from "./quote-identifier";
import { castTextSql } from "./typed-value-sql";

/**
 * Changes a value column's type when its producer switched for good (see store/column-typing.ts).
 * Values the new type cannot hold move to `_misfits`; recorded misfits the new type accepts come
 * back into the column. Returns how many misfits the column has more (moved) and fewer (restored).
 */
export async function retypeColumn(
  connection: DuckDBConnection,
  table: string,
  column: string,
  change: { type: ColumnType; moveOut: boolean; accepts: ReadonlySet<ValueKind> },
): Promise<{ moved: number; restored: number }> {
  const name = quoteIdentifier(column);
  const entry = quoteLiteral(column);
  let moved = 0;
  if (change.moveOut) {
    const result = await connection.run(
      `UPDATE ${table} SET _misfits = json_merge_patch(coalesce(_misfits, '{}'::JSON), json_object(${entry}::VARCHAR, to_json(${name}))), ` +
        `${name} = NULL WHERE ${name} IS NOT NULL`,
    );
    moved = Number(result.rowsChanged);
  }
  await connection.run(`ALTER TABLE ${table} ALTER COLUMN ${name} SET DATA TYPE ${change.type} USING ${convert(name, change.type)}`);

  const path = quoteLiteral(jsonPathOfKey(column));
  const accepted = [...change.accepts].flatMap(jsonTypesOfKind).map(quoteLiteral).join(", ");
  const value =
    change.type === "JSON" ? `json_extract(_misfits, ${path})` : castTextSql(`json_extract_string(_misfits, ${path})`, change.type);
  const restored = await connection.run(
    `UPDATE ${table} SET ${name} = ${value}, ` +
      `_misfits = nullif(json_merge_patch(_misfits, json_object(${entry}::VARCHAR, NULL))::VARCHAR, '{}')::JSON ` +
      `WHERE _misfits IS NOT NULL AND json_type(_misfits, ${path}) IN (${accepted}) AND ${value} IS NOT NULL`,
  );
  return { moved, restored: Number(restored.rowsChanged) };
}

/** How ALTER converts the values the column keeps: VARCHAR keeps their text; the rest are NULL or cast. */
function convert(expression: string, type: ColumnType): string {
  if (type === "VARCHAR") return `${expression}::VARCHAR`;
  if (type === "JSON") return `to_json(${expression})`;
  return `TRY_CAST(${expression} AS ${type})`;
}
