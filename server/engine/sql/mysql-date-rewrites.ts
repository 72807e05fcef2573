import { callArguments } from "./mysql-call-rewrites";
import { isSymbol, isWord, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, replaceRange, type SqlEdit } from "./translated-sql";

/**
 * Date arithmetic with MySQL's result types. In DuckDB a DATE plus an INTERVAL is a TIMESTAMP; in
 * MySQL `DATE_ADD('2024-01-31', INTERVAL 1 MONTH)`, `CURDATE() - INTERVAL 1 DAY` and
 * `'2024-01-31' + INTERVAL 1 DAY` stay dates (`2024-02-29`) when the date has no time and the unit
 * is whole days or more. The types are read from the text (a date literal, CURDATE(), CURRENT_DATE):
 * - `DATE_ADD`/`ADDDATE`/`DATE_SUB`/`SUBDATE(d, INTERVAL …)` → `mysql_date_add[_date]` / `mysql_date_sub[_date]`;
 * - `d + INTERVAL n unit`, `d - INTERVAL n unit` with such a `d` → the same macros.
 * Anything else keeps DuckDB's arithmetic (a DATE column plus an interval is a TIMESTAMP).
 */
export function dateRewrites(code: SqlToken[]): SqlEdit[] {
  const edits: SqlEdit[] = [];
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    const name = token.text.toLowerCase();
    if (token.kind === "word" && FUNCTIONS[name] && isSymbol(code[i + 1], "(") && !isSymbol(code[i - 1], ".")) {
      const call = callArguments(code, i + 1);
      const [base, interval] = call?.args ?? [];
      const dated =
        base !== undefined &&
        interval !== undefined &&
        isDate(code, base[0], base[1]) &&
        intervalUnit(code, interval[0], interval[1]) !== undefined;
      edits.push(
        replaceRange(
          token.start,
          token.end,
          `${FUNCTIONS[name]}${dated && isDateUnit(intervalUnit(code, interval![0], interval![1])) ? "_date" : ""}`,
        ),
      );
      continue;
    }
    if ((isSymbol(token, "+") || isSymbol(token, "-")) && isWord(code[i + 1], "INTERVAL")) {
      edits.push(...operatorForm(code, i));
    }
  }
  return edits;
}

const FUNCTIONS: Record<string, string> = {
  date_add: "mysql_date_add",
  adddate: "mysql_date_add",
  date_sub: "mysql_date_sub",
  subdate: "mysql_date_sub",
};

const DATE_UNITS = new Set(["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]);
const UNITS = new Set([...DATE_UNITS, "MICROSECOND", "SECOND", "MINUTE", "HOUR"]);

function isDateUnit(unit: string | undefined): boolean {
  return unit !== undefined && DATE_UNITS.has(unit);
}

/** `INTERVAL [-]n unit` between first and last: its unit. */
function intervalUnit(code: SqlToken[], first: number, last: number): string | undefined {
  if (!isWord(code[first], "INTERVAL")) return undefined;
  const unit = code[last]?.text.toUpperCase();
  const value = last - first === 2 || (last - first === 3 && isSymbol(code[first + 1], "-"));
  return value && unit !== undefined && UNITS.has(unit) ? unit : undefined;
}

/** A date without time written in the text: '2024-01-31', CURDATE(), CURRENT_DATE. */
function isDate(code: SqlToken[], first: number, last: number): boolean {
  const token = code[first]!;
  if (first === last && token.kind === "string") return /^'\d{4}-\d{1,2}-\d{1,2}'$/.test(token.text);
  if (first === last) return isWord(token, "CURRENT_DATE");
  return (
    last === first + 2 &&
    isWord(token, "CURDATE", "CURRENT_DATE", "UTC_DATE") &&
    isSymbol(code[first + 1], "(") &&
    isSymbol(code[last], ")")
  );
}

/** `base ± INTERVAL n unit` where base is a date or datetime written as text (or CURDATE()). */
function operatorForm(code: SqlToken[], sign: number): SqlEdit[] {
  const unitIndex = isSymbol(code[sign + 2], "-") ? sign + 4 : sign + 3;
  const unit = intervalUnit(code, sign + 1, unitIndex);
  if (unit === undefined) return [];
  let first = sign - 1;
  if (isSymbol(code[first], ")") && isSymbol(code[first - 1], "(")) first -= 2;
  const base = code[first];
  if (!base || !(base.kind === "string" || isDate(code, first, sign - 1))) return [];
  if (base.kind === "string" && !/^'\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?'$/.test(base.text)) return [];
  const add = isSymbol(code[sign], "+");
  const macro = `mysql_date_${add ? "add" : "sub"}${isDate(code, first, sign - 1) && isDateUnit(unit) ? "_date" : ""}`;
  return [insertAt(base.start, `${macro}(`), replaceRange(code[sign]!.start, code[sign]!.end, ","), insertAt(code[unitIndex]!.end, ")")];
}
