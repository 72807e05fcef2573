/**
 * MySQL functions and operators as DuckDB macros, created once when the engine opens DuckDB (before
 * the configuration is locked; user SQL can never create or replace one: the sandbox only lets
 * SELECT through). Macros are expanded inline when a query is bound, so they cost what the
 * expression they stand for costs, and they need no entry in the sandbox's rules: they only call
 * built-in scalar functions, none of which reads files, settings or variables.
 *
 * Three kinds:
 * - names DuckDB lacks (`locate`, `substring_index`, `from_unixtime`, …): a macro of that name;
 * - names DuckDB has with another meaning (`concat` skips NULLs, `stddev` is the sample figure,
 *   `log(x)` is base 10, …): a `mysql_*` macro, and the dialect translation renames the call
 *   (`MYSQL_FUNCTION_RENAMES`), so DuckDB's own function stays intact for the engine's internal SQL;
 * - operators: `<=>`, `//` (what `DIV` becomes; DuckDB's own macros that use `//` divide integers,
 *   which it leaves as they were) and the operators the translation writes for `REGEXP`,
 *   `NOT REGEXP`, `LIKE`, `NOT LIKE` (MySQL's default collation compares them ignoring case).
 *   Division is not one: MySQL's exact division is emulated where results are returned
 *   (mysql-decimal-scale.ts), and `/` keeps DuckDB's meaning everywhere.
 */

/** MySQL date-part functions DuckDB shares, given a TIMESTAMP by their mysql_* macro. */
const DATE_PARTS = [
  "year",
  "month",
  "day",
  "dayofmonth",
  "dayofyear",
  "hour",
  "minute",
  "second",
  "microsecond",
  "quarter",
  "dayname",
  "monthname",
];

const INTEGER_TYPES = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"]
  .map((type) => `'${type}'`)
  .join(", ");

/** The most arguments the fixed-arity macros standing for MySQL's variadic functions accept. */
export const MAX_VARIADIC_ARGUMENTS = 24;

function variadic(name: string, minimum: number, body: (args: string[]) => string): string {
  const overloads: string[] = [];
  for (let count = minimum; count <= MAX_VARIADIC_ARGUMENTS; count++) {
    const args = Array.from({ length: count }, (_, i) => `a${i + 1}`);
    overloads.push(`(${args.join(", ")}) AS ${body(args)}`);
  }
  return `CREATE MACRO ${name}${overloads.join(", ")}`;
}

const anyNull = (args: string[]) => args.map((arg) => `${arg} IS NULL`).join(" OR ");

export const MYSQL_MACROS: readonly string[] = [
  // Operators.
  `CREATE MACRO "<=>"(a, b) AS a IS NOT DISTINCT FROM b`,
  // MySQL's DIV (the translation writes //) truncates the quotient of any numbers to an integer;
  // DuckDB's // only does so for integers (713.0 // 100 is 7.13).
  `CREATE MACRO "//"(a, b) AS CASE WHEN typeof(a) IN (${INTEGER_TYPES}) AND typeof(b) IN (${INTEGER_TYPES})
     THEN CAST(system.main."//"(a, b) AS BIGINT) ELSE CAST(trunc(a / b) AS BIGINT) END`,
  `CREATE MACRO "~*"(s, p) AS regexp_matches(CAST(s AS VARCHAR), p, 'i')`,
  `CREATE MACRO "!~*"(s, p) AS NOT regexp_matches(CAST(s AS VARCHAR), p, 'i')`,
  // A pattern without cased letters needs no lower(), one without a backslash no ESCAPE (MySQL's
  // default escape character): each keeps DuckDB's fast LIKE (the CASE is folded for a literal pattern).
  `CREATE MACRO mysql_like(s, p) AS CASE
     WHEN NOT contains(p, '\\') AND lower(p) = upper(p) THEN CAST(s AS VARCHAR) LIKE p
     WHEN NOT contains(p, '\\') THEN lower(CAST(s AS VARCHAR)) LIKE lower(p)
     WHEN lower(p) = upper(p) THEN CAST(s AS VARCHAR) LIKE p ESCAPE '\\'
     ELSE lower(CAST(s AS VARCHAR)) LIKE lower(p) ESCAPE '\\' END`,
  `CREATE MACRO "~~^"(s, p) AS mysql_like(s, p)`,
  `CREATE MACRO "!~~^"(s, p) AS NOT mysql_like(s, p)`,

  // Strings.
  variadic(
    "mysql_concat",
    1,
    (args) => `CASE WHEN ${anyNull(args)} THEN NULL ELSE ${args.map((arg) => `CAST(${arg} AS VARCHAR)`).join(" || ")} END`,
  ),
  `CREATE MACRO mysql_length(s) AS strlen(CAST(s AS VARCHAR))`,
  `CREATE MACRO mysql_instr(s, sub) AS instr(lower(CAST(s AS VARCHAR)), lower(CAST(sub AS VARCHAR)))`,
  `CREATE MACRO locate(sub, s) AS mysql_instr(s, sub),
     (sub, s, pos) AS CASE WHEN pos < 1 THEN 0 ELSE coalesce(nullif(mysql_instr(substr(CAST(s AS VARCHAR), pos), sub), 0) + pos - 1, 0) END`,
  `CREATE MACRO mysql_locate(sub, s) AS locate(sub, s), (sub, s, pos) AS locate(sub, s, pos)`,
  `CREATE MACRO substring_index(s, delimiter, count) AS CASE
     WHEN count > 0 THEN array_to_string(string_split(CAST(s AS VARCHAR), delimiter)[1:count], delimiter)
     WHEN count < 0 THEN array_to_string(string_split(CAST(s AS VARCHAR), delimiter)[count:], delimiter)
     ELSE '' END`,
  `CREATE MACRO find_in_set(s, list) AS coalesce(list_position(string_split(list, ','), s), 0)`,
  `CREATE MACRO mid(s, pos, len) AS substring(s, pos, len)`,
  // FORMAT(1234.567, 2) is '1,234.57' in MySQL; DuckDB's format() is fmt-style string formatting.
  `CREATE MACRO mysql_format(x, d) AS format('{:,.{}f}', CAST(x AS DOUBLE), greatest(CAST(d AS INTEGER), 0))`,
  `CREATE MACRO space(n) AS repeat(' ', n)`,
  `CREATE MACRO strcmp(a, b) AS CASE WHEN lower(a) = lower(b) THEN 0 WHEN lower(a) < lower(b) THEN -1 ELSE 1 END`,
  `CREATE MACRO mysql_regexp_replace(s, p, r) AS regexp_replace(CAST(s AS VARCHAR), p, r, 'gi')`,
  `CREATE MACRO regexp_substr(s, p) AS nullif(regexp_extract(CAST(s AS VARCHAR), p, 0, 'i'), '')`,
  `CREATE MACRO regexp_instr(s, p) AS CASE WHEN regexp_matches(CAST(s AS VARCHAR), p, 'i') THEN instr(CAST(s AS VARCHAR), regexp_extract(CAST(s AS VARCHAR), p, 0, 'i')) ELSE 0 END`,

  // Numbers.
  `CREATE MACRO truncate(x, d) AS trunc(x, d)`,
  `CREATE MACRO mysql_log(x) AS CASE WHEN x > 0 THEN ln(x) END, (b, x) AS CASE WHEN x > 0 AND b > 0 AND b <> 1 THEN log(b, x) END`,
  // MySQL rounds a DOUBLE as rint(x * 10^d) / 10^d: the binary value, exact ties to even
  // (ROUND(60.925e0, 2) = 60.92, ROUND(2.5e0) = 2); exact numbers half away from zero, as DuckDB does.
  `CREATE MACRO mysql_rint(y) AS CASE WHEN y - floor(y) = 0.5 THEN 2 * round(y / 2) ELSE round(y) END`,
  `CREATE MACRO mysql_round(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN mysql_rint(x) ELSE round(x) END,
     (x, d) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT')
       THEN CASE WHEN d >= 0 THEN mysql_rint(x * power(10, d)) / power(10, d) ELSE mysql_rint(x / power(10, -d)) * power(10, -d) END
       ELSE round(x, d) END`,
  `CREATE MACRO rand() AS random()`,
  // AVG(amount > 50) is a share in MySQL (a comparison is 1 or 0); DuckDB has no avg(BOOLEAN).
  `CREATE MACRO mysql_avg(x) AS avg(CAST(x AS DOUBLE))`,
  variadic("mysql_greatest", 2, (args) => `CASE WHEN ${anyNull(args)} THEN NULL ELSE greatest(${args.join(", ")}) END`),
  variadic("mysql_least", 2, (args) => `CASE WHEN ${anyNull(args)} THEN NULL ELSE least(${args.join(", ")}) END`),
  `CREATE MACRO mysql_isnull(x) AS x IS NULL`,

  // Dates and times (the engine's clock and timestamps are UTC, like a MySQL session in UTC).
  `CREATE MACRO mysql_now() AS CAST(date_trunc('second', current_timestamp) AS TIMESTAMP)`,
  `CREATE MACRO curdate() AS current_date`,
  `CREATE MACRO utc_date() AS current_date`,
  // DATE_FORMAT(d, 'format') and FROM_UNIXTIME(x, 'format') are translated to strftime (its format must be a literal).
  `CREATE MACRO from_unixtime(x) AS make_timestamp(CAST(round(CAST(x AS DOUBLE) * 1000000) AS BIGINT))`,
  `CREATE MACRO unix_timestamp() AS CAST(epoch(current_timestamp) AS BIGINT), (d) AS epoch(CAST(d AS TIMESTAMP))`,
  `CREATE MACRO mysql_datediff(a, b) AS datediff('day', CAST(b AS DATE), CAST(a AS DATE)), (part, a, b) AS datediff(part, a, b)`,
  `CREATE MACRO mysql_date_add(d, i) AS CAST(d AS TIMESTAMP) + i`,
  `CREATE MACRO mysql_date_sub(d, i) AS CAST(d AS TIMESTAMP) - i, (part, a, b) AS date_sub(part, a, b)`,
  // A date plus whole days or more stays a date in MySQL (the translation picks these from the text).
  `CREATE MACRO mysql_date_add_date(d, i) AS CAST(CAST(d AS DATE) + i AS DATE)`,
  `CREATE MACRO mysql_date_sub_date(d, i) AS CAST(CAST(d AS DATE) - i AS DATE)`,
  // Date parts of a date written as text ('2024-05-06'): DuckDB cannot choose between DATE and TIMESTAMP.
  ...DATE_PARTS.map((name) => `CREATE MACRO mysql_${name}(d) AS ${name}(CAST(d AS TIMESTAMP))`),
  `CREATE MACRO mysql_last_day(d) AS last_day(CAST(d AS DATE))`,
  // MySQL: 1 = Sunday … 7 = Saturday; WEEKDAY 0 = Monday; WEEK(d) counts weeks starting on Sunday.
  `CREATE MACRO mysql_dayofweek(d) AS dayofweek(CAST(d AS DATE)) + 1`,
  `CREATE MACRO mysql_weekday(d) AS isodow(CAST(d AS DATE)) - 1`,
  `CREATE MACRO mysql_week(d) AS CAST(strftime(CAST(d AS DATE), '%U') AS INTEGER)`,

  // The session.
  `CREATE MACRO database() AS 'default'`,
  `CREATE MACRO schema() AS 'default'`,
];

/**
 * MySQL function names whose DuckDB namesake means something else, and what the translation
 * calls instead (a macro above or a DuckDB built-in with MySQL's meaning).
 */
export const MYSQL_FUNCTION_RENAMES: ReadonlyMap<string, string> = new Map([
  ["concat", "mysql_concat"],
  ["isnull", "mysql_isnull"],
  ["format", "mysql_format"],
  ["length", "mysql_length"],
  ["octet_length", "mysql_length"],
  ["instr", "mysql_instr"],
  ["regexp_replace", "mysql_regexp_replace"],
  ["log", "mysql_log"],
  ["round", "mysql_round"],
  ["greatest", "mysql_greatest"],
  ["least", "mysql_least"],
  ["stddev", "stddev_pop"],
  ["std", "stddev_pop"],
  ["variance", "var_pop"],
  ["now", "mysql_now"],
  ["sysdate", "mysql_now"],
  ["localtime", "mysql_now"],
  ["localtimestamp", "mysql_now"],
  ["current_timestamp", "mysql_now"],
  ["datediff", "mysql_datediff"],
  ...DATE_PARTS.map((name): [string, string] => [name, `mysql_${name}`]),
  ["last_day", "mysql_last_day"],
  ["dayofweek", "mysql_dayofweek"],
  ["weekday", "mysql_weekday"],
  ["week", "mysql_week"],
]);
