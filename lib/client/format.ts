import type { Cell, ResultColumn } from "@/lib/api/query";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
/**
 * Three decimals: what the warehouse's DOUBLE(10,3) carries. Kafka's doubles sum to float noise
 * (5926.209999999998) where the warehouse says 5926.21; rounded alike, the same value reads the same.
 */
export const DISPLAY_DECIMALS = 3;
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: DISPLAY_DECIMALS });

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/**
 * A cell as shown in a result. In a numeric column, a number sent as text (MySQL's DECIMAL,
 * "5926.210") is shown as a number too, so both sides print the same value the same way; text
 * that would lose digits as a double (a BIGINT past 2^53) is shown as sent.
 */
export function formatCell(value: Cell, numericColumn = false): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return formatNumber(value);
  if (numericColumn && typeof value === "string") {
    const number = toNumber(value);
    if (number !== null && (!Number.isInteger(number) || Number.isSafeInteger(number))) return formatNumber(number);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return value;
}

export function formatDuration(ms: number): string {
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatAge(ms: number): string {
  if (ms < 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms);
}

const numericTypePattern = /int|double|float|decimal|numeric|real|number|hugeint|bigint/i;

/** Numeric by declared type, or because every non-null value is a number (or a numeric string). */
export function isNumericColumn(column: ResultColumn, rows: Cell[][], index: number): boolean {
  if (numericTypePattern.test(column.type)) return true;
  let seen = 0;
  for (const row of rows.slice(0, 200)) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    if (typeof value === "number") {
      seen++;
      continue;
    }
    return false;
  }
  return seen > 0;
}

/** A cell as a number when it is one (MySQL sends DECIMAL sums as strings). */
export function toNumber(value: Cell | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  return null;
}

/** Text for a spreadsheet cell: TSV cannot hold tabs or newlines inside a value. */
export function toTsv(columns: ResultColumn[], rows: Cell[][]): string {
  const clean = (value: Cell | undefined) => (value === null || value === undefined ? "" : String(value).replace(/[\t\r\n]+/g, " "));
  return [columns.map((c) => clean(c.name)).join("\t"), ...rows.map((row) => row.map(clean).join("\t"))].join("\n");
}

export function toCsv(columns: ResultColumn[], rows: Cell[][]): string {
  const quote = (value: Cell | undefined) => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => quote(c.name)).join(","), ...rows.map((row) => row.map(quote).join(","))].join("\r\n");
}
