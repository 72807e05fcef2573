import type { DuckDBConnection } from "@duckdb/node-api";
import type { Cell, ResultColumn } from "../../../lib/api/query";
import { FomoError } from "../../../lib/errors";
import { analyzeStatement, type AnalyzedSelect } from "../sql/analyze-statement";
import { mysqlColumnNames } from "../sql/mysql-column-names";
import { mysqlDivisionScales, roundToScale, type TableColumnTypes } from "../sql/mysql-decimal-scale";
import { translateMysqlDialect } from "../sql/mysql-dialect";
import { withMysqlResultOrder } from "../sql/mysql-result-order";
import { offsetOfPosition } from "../sql/sql-position";
import type { TranslatedSql } from "../sql/translated-sql";
import { executeSelect } from "./execute-select";

export interface SelectAnswer {
  columns: ResultColumn[];
  rows: Cell[][];
  truncated: boolean;
}

/** How many times a query is read again the MySQL way after DuckDB refused it. */
const MAX_RETRIES = 8;

/**
 * Runs a checked SELECT on a connection whose temp views already pin the snapshot, and shapes the
 * answer as MySQL would: strings sorted ignoring case, groups sorted when there is no ORDER BY
 * (MariaDB), columns named by the text as typed, exact
 * divisions and averages rounded to MySQL's decimals. Two MySQL readings DuckDB refuses are applied
 * when DuckDB refuses the query, and only then:
 * - in MySQL's default mode `"CU-1277"` is a string, in DuckDB a name: when DuckDB finds no column of
 *   that name, the double-quoted text becomes a string (so `FROM "topic"` keeps working);
 * - MariaDB's default sql_mode (no ONLY_FULL_GROUP_BY) selects any value of a column that is neither
 *   grouped nor aggregated: the column DuckDB points at is wrapped in ANY_VALUE().
 */
export async function answerSelect(
  connection: DuckDBConnection,
  translation: TranslatedSql,
  analysis: AnalyzedSelect,
  context: { maxRows: number; deadline: number; timeoutMs: number; tableColumns: TableColumnTypes; signal?: AbortSignal },
): Promise<SelectAnswer> {
  refuseEnginePseudoColumns(analysis, context.tableColumns);
  const doubleQuotedStrings = new Set<string>();
  const anyValueAt = new Set<number>();
  for (let attempt = 0; ; attempt++) {
    try {
      return await answerOnce(connection, translation, analysis, context);
    } catch (error) {
      if (
        attempt >= MAX_RETRIES ||
        !(error instanceof FomoError) ||
        !mysqlReading(error, translation.original, { doubleQuotedStrings, anyValueAt })
      )
        throw error;
      translation = translateMysqlDialect(translation.original, { doubleQuotedStrings, anyValueAt });
      analysis = await analyzeStatement(connection, translation);
    }
  }
}

async function answerOnce(
  connection: DuckDBConnection,
  translation: TranslatedSql,
  analysis: AnalyzedSelect,
  context: { maxRows: number; deadline: number; timeoutMs: number; tableColumns: TableColumnTypes; signal?: AbortSignal },
): Promise<SelectAnswer> {
  // Binds the query once more only when an ORDER BY item may be a string result column.
  const ordered = await withMysqlResultOrder(connection, translation, analysis.root, (name) => {
    const types = analysis.tableRefs
      .map((ref) => context.tableColumns(ref.name)?.get(name.toLowerCase()))
      .filter((type) => type !== undefined);
    return types.length > 0 && types.every((type) => type === "VARCHAR");
  });
  const outcome = await executeSelect(connection, ordered, context);
  // MySQL names columns by the text as typed: the original, not the translation.
  const names = mysqlColumnNames(translation.original, analysis.root, outcome.columns.length);
  const scales = mysqlDivisionScales(analysis.root, context.tableColumns);
  const rounded = scales?.length === outcome.columns.length && scales.some((scale) => scale !== undefined);
  return {
    columns: outcome.columns.map((column, i) => ({ ...column, name: names?.[i] ?? column.name })),
    rows: rounded ? outcome.rows.map((row) => row.map((cell, i) => roundCell(cell, scales[i]))) : outcome.rows,
    truncated: outcome.truncated,
  };
}

function roundCell(cell: Cell, scale: number | undefined): Cell {
  return typeof cell === "number" && scale !== undefined ? roundToScale(cell, scale) : cell;
}

/** `SELECT current_user` would print DuckDB's answer ("duckdb"); a topic's column of that name is fine. */
function refuseEnginePseudoColumns(analysis: AnalyzedSelect, tableColumns: TableColumnTypes): void {
  for (const { name, position } of analysis.pseudoColumns) {
    if (analysis.tableRefs.some((ref) => tableColumns(ref.name)?.has(name))) continue;
    throw new FomoError(
      "sandbox:forbidden_function",
      `${name.toUpperCase()} describes the engine, not the data: it is not available on Kafka`,
      position,
    );
  }
}

/** Adds the MySQL reading that answers DuckDB's refusal; false when there is none (or it was tried). */
function mysqlReading(error: FomoError, sql: string, readings: { doubleQuotedStrings: Set<string>; anyValueAt: Set<number> }): boolean {
  if (error.code !== "bad_request:query") return false;
  // DuckDB prints the name between quotes without doubling the quotes inside it; without a FROM it says "was not found".
  const missing = /^Binder Error: Referenced column "(.*)" (?:was )?not found/u.exec(error.message)?.[1];
  if (missing !== undefined) {
    if (readings.doubleQuotedStrings.has(missing) || !writtenInDoubleQuotes(sql, missing)) return false;
    readings.doubleQuotedStrings.add(missing);
    return true;
  }
  if (
    /^Binder Error: column "[^"]*" must appear in the GROUP BY clause/u.test(error.message) &&
    error.line !== undefined &&
    error.column !== undefined
  ) {
    const offset = offsetOfPosition(sql, { line: error.line, column: error.column });
    if (readings.anyValueAt.has(offset)) return false;
    readings.anyValueAt.add(offset);
    return true;
  }
  return false;
}

function writtenInDoubleQuotes(sql: string, name: string): boolean {
  return sql.includes(`"${name.replaceAll('"', '""')}"`) || sql.includes(`"${name}"`);
}
