import { strftimeFormat } from "./mysql-date-format";
import { duckdbStringLiteral } from "./mysql-literals";
import { MYSQL_FUNCTION_RENAMES } from "./mysql-functions";
import { isSymbol, isWord, type SqlToken } from "../../../lib/sql/mysql-lexer";
import { insertAt, replaceRange, type SqlEdit } from "./translated-sql";

/**
 * Function calls and casts MySQL spells differently: renamed functions (MYSQL_FUNCTION_RENAMES),
 * `GROUP_CONCAT(… SEPARATOR s)`, `POSITION(a IN b)`, `CONVERT(x, type)`, `CONVERT(x USING cs)`,
 * `TIMESTAMPDIFF(unit, a, b)`, `DATE_FORMAT`/`FROM_UNIXTIME` with a format, `AVG` (of a comparison too),
 * `COUNT(DISTINCT a, b)`, and the cast types `SIGNED`,
 * `UNSIGNED` and `DECIMAL` (MySQL's default precision is (10,0), DuckDB's (18,3)).
 */
export function callRewrites(code: SqlToken[]): SqlEdit[] {
  const edits: SqlEdit[] = [];
  for (let i = 0; i < code.length; i++) {
    const token = code[i]!;
    if (token.kind !== "word" || isSymbol(code[i - 1], ".")) continue;
    const name = token.text.toLowerCase();
    if (isWord(token, "AS")) {
      edits.push(...castType(code, i));
      continue;
    }
    if (!isSymbol(code[i + 1], "(")) {
      // MySQL's bare CURRENT_TIMESTAMP / LOCALTIME is NOW(): a DATETIME of the session (here UTC).
      if (["current_timestamp", "localtime", "localtimestamp"].includes(name))
        edits.push(replaceRange(token.start, token.end, "mysql_now()"));
      continue;
    }
    const call = callArguments(code, i + 1);
    if (!call) continue;
    const rename = MYSQL_FUNCTION_RENAMES.get(name);
    if (rename) edits.push(replaceRange(token.start, token.end, rename));
    else if (name === "date_format" || name === "from_unixtime") edits.push(...formatCall(code, i + 1, call));
    // AVG(DISTINCT x) and AVG(x) OVER (…) stay DuckDB's (a macro takes neither).
    else if (name === "avg" && !isWord(code[i + 2], "DISTINCT") && !isWord(code[call.close + 1], "OVER"))
      edits.push(replaceRange(token.start, token.end, "mysql_avg"));
    else if (name === "group_concat") edits.push(...groupConcat(code, i + 1, call.close));
    else if (name === "count" && isWord(code[i + 2], "DISTINCT") && commasAtCallDepth(code, i + 3, call.close) > 0) {
      // COUNT(DISTINCT a, b) counts distinct (a, b) pairs.
      edits.push(insertAt(code[i + 3]!.start, "("), insertAt(code[call.close - 1]!.end, ")"));
    } else if (name === "position") edits.push(...position(code, i + 1, call));
    else if (name === "convert") edits.push(...convert(code, i + 1, call));
    else if (name === "timestampdiff") edits.push(...timestampDiff(code, i + 1, call));
  }
  return edits;
}

interface CallArguments {
  close: number;
  /** Each argument as [first token, last token] indexes; separated by the commas at the call's own depth. */
  args: [number, number][];
}

/** The arguments of the call whose `(` is at `open`, or undefined if it never closes. */
export function callArguments(code: SqlToken[], open: number): CallArguments | undefined {
  const args: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let j = open + 1; j < code.length; j++) {
    const token = code[j]!;
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")") && depth > 0) depth--;
    else if (isSymbol(token, ")") || (depth === 0 && isSymbol(token, ","))) {
      if (j > start) args.push([start, j - 1]);
      start = j + 1;
      if (isSymbol(token, ")")) return { close: j, args };
    }
  }
  return undefined;
}

/** The index of the first word among `words` at the call's own depth, between `from` and `to`. */
function wordAtCallDepth(code: SqlToken[], from: number, to: number, ...words: string[]): number | undefined {
  let depth = 0;
  for (let j = from; j < to; j++) {
    if (isSymbol(code[j], "(")) depth++;
    else if (isSymbol(code[j], ")")) depth--;
    else if (depth === 0 && isWord(code[j], ...words)) return j;
  }
  return undefined;
}

function commasAtCallDepth(code: SqlToken[], from: number, to: number): number {
  let depth = 0;
  let commas = 0;
  for (let j = from; j < to; j++) {
    if (isSymbol(code[j], "(")) depth++;
    else if (isSymbol(code[j], ")")) depth--;
    else if (depth === 0 && isSymbol(code[j], ",")) commas++;
  }
  return commas;
}

/** `GROUP_CONCAT([DISTINCT] a[, b…] [ORDER BY …] [SEPARATOR s])` → `group_concat([DISTINCT] mysql_concat(a, b…), s [ORDER BY …])`. */
function groupConcat(code: SqlToken[], open: number, close: number): SqlEdit[] {
  const first = isWord(code[open + 1], "DISTINCT") ? open + 2 : open + 1;
  const order = wordAtCallDepth(code, first, close, "ORDER");
  const separator = wordAtCallDepth(code, first, close, "SEPARATOR");
  const end = Math.min(order ?? close, separator ?? close);
  if (end <= first) return [];
  const edits: SqlEdit[] = [];
  const expressionCount = 1 + commasAtCallDepth(code, first, end);
  const last = code[end - 1]!;
  if (expressionCount > 1) edits.push(insertAt(code[first]!.start, "mysql_concat("), insertAt(last.end, ")"));
  if (order !== undefined && isWord(code[order + 1], "BY")) edits.push(...positionalOrder(code, first, end, order + 2, separator ?? close));
  const literal = separator === undefined ? undefined : code[separator + 1];
  if (separator !== undefined && literal && (literal.kind === "string" || literal.kind === "quoted")) {
    edits.push({ start: last.end, end: last.end, pieces: [{ text: `, ${duckdbStringLiteral(literal)}`, origin: literal.start }] });
    edits.push(replaceRange(code[separator]!.start, literal.end, ""));
  }
  return edits;
}

/** Depth-0 comma-separated ranges `[from, to]` (inclusive token indexes) between `from` and `to`. */
function itemsAtCallDepth(code: SqlToken[], from: number, to: number): Array<[number, number]> {
  const items: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let j = from; j < to; j++) {
    if (isSymbol(code[j], "(")) depth++;
    else if (isSymbol(code[j], ")")) depth--;
    else if (depth === 0 && isSymbol(code[j], ",")) {
      if (j > start) items.push([start, j - 1]);
      start = j + 1;
    }
  }
  if (to > start) items.push([start, to - 1]);
  return items;
}

/**
 * `GROUP_CONCAT(x ORDER BY 1)`: MySQL reads the number as the position of a concatenated
 * expression, DuckDB as a constant (no order at all). The position becomes that expression's text
 * when it is plain (names, numbers, operators, calls, simple strings); anything subtler is left to
 * DuckDB rather than copied untranslated.
 */
function positionalOrder(code: SqlToken[], first: number, end: number, orderFrom: number, orderTo: number): SqlEdit[] {
  const expressions = itemsAtCallDepth(code, first, end);
  const edits: SqlEdit[] = [];
  for (const [from, to] of itemsAtCallDepth(code, orderFrom, orderTo)) {
    const number = code[from]!;
    if (number.kind !== "number" || !/^\d+$/.test(number.text)) continue;
    if (from !== to && !(from + 1 === to && isWord(code[to], "ASC", "DESC"))) continue;
    const expression = expressions[Number(number.text) - 1];
    if (!expression) continue;
    const tokens = code.slice(expression[0], expression[1] + 1);
    const plain = tokens.every(
      (token) => ["word", "number", "symbol"].includes(token.kind) || (token.kind === "string" && !token.text.includes("\\")),
    );
    if (!plain) continue;
    edits.push(replaceRange(number.start, number.end, tokens.map((token) => token.text).join(" ")));
  }
  return edits;
}

/** `DATE_FORMAT(d, 'fmt')` → `strftime(CAST(d AS TIMESTAMP), 'strftime fmt')`; `FROM_UNIXTIME(x, 'fmt')` → `strftime(from_unixtime(x), …)`. */
function formatCall(code: SqlToken[], open: number, call: CallArguments): SqlEdit[] {
  const [value, format] = call.args;
  if (call.args.length !== 2 || format![0] !== format![1]) return [];
  const literal = code[format![0]]!;
  if (literal.kind !== "string" && literal.kind !== "quoted") return [];
  const name = code[open - 1]!;
  const [wrapStart, wrapEnd] = name.text.toLowerCase() === "date_format" ? ["CAST(", " AS TIMESTAMP)"] : ["from_unixtime(", ")"];
  const mysqlFormat = duckdbStringLiteral(literal).slice(1, -1).replaceAll("''", "'");
  return [
    replaceRange(name.start, name.end, "strftime"),
    insertAt(code[value![0]]!.start, wrapStart),
    insertAt(code[value![1]]!.end, wrapEnd),
    replaceRange(literal.start, literal.end, `'${strftimeFormat(mysqlFormat).replaceAll("'", "''")}'`),
  ];
}

/** `POSITION(sub IN s)` → `mysql_locate(sub, s)` (case-insensitive, as MySQL's collation compares). */
function position(code: SqlToken[], open: number, call: CallArguments): SqlEdit[] {
  const name = code[open - 1]!;
  const keyword = wordAtCallDepth(code, open + 1, call.close, "IN");
  if (keyword === undefined) return [];
  return [replaceRange(name.start, name.end, "mysql_locate"), replaceRange(code[keyword]!.start, code[keyword]!.end, ",")];
}

/** `CONVERT(x, type)` → `CAST(x AS type)`; `CONVERT(x USING charset)` → `(x)`. */
function convert(code: SqlToken[], open: number, call: CallArguments): SqlEdit[] {
  const name = code[open - 1]!;
  const using = wordAtCallDepth(code, open + 1, call.close, "USING");
  if (using !== undefined) return [replaceRange(name.start, name.end, ""), replaceRange(code[using]!.start, code[call.close - 1]!.end, "")];
  if (call.args.length !== 2) return [];
  const commaIndex = call.args[0]![1] + 1;
  const comma = code[commaIndex]!;
  return [replaceRange(name.start, name.end, "CAST"), replaceRange(comma.start, comma.end, " AS "), ...castType(code, commaIndex)];
}

const DATE_PARTS: Record<string, string> = {
  MICROSECOND: "microseconds",
  SECOND: "second",
  MINUTE: "minute",
  HOUR: "hour",
  DAY: "day",
  WEEK: "week",
  MONTH: "month",
  QUARTER: "quarter",
  YEAR: "year",
};

/** `TIMESTAMPDIFF(unit, a, b)` → `date_sub('unit', a, b)`: whole units from a to b, truncated, as in MySQL. */
function timestampDiff(code: SqlToken[], open: number, call: CallArguments): SqlEdit[] {
  const name = code[open - 1]!;
  const [unit, from, to] = call.args;
  if (call.args.length !== 3 || unit![0] !== unit![1]) return [];
  const part = DATE_PARTS[code[unit![0]]!.text.toUpperCase()];
  if (!part) return [];
  const unitToken = code[unit![0]]!;
  return [
    replaceRange(name.start, name.end, "date_sub"),
    replaceRange(unitToken.start, unitToken.end, `'${part}'`),
    ...[from!, to!].flatMap(([first, last]) => [insertAt(code[first]!.start, "CAST("), insertAt(code[last]!.end, " AS TIMESTAMP)")]),
  ];
}

/** After `AS` (or CONVERT's comma): `SIGNED [INTEGER]` → `BIGINT`, `AS UNSIGNED [INTEGER]` → `AS UBIGINT`, `AS DECIMAL)` → `AS DECIMAL(10,0))`. */
function castType(code: SqlToken[], asIndex: number): SqlEdit[] {
  const type = code[asIndex + 1];
  if (isWord(type, "SIGNED", "UNSIGNED")) {
    const lastIndex = isWord(code[asIndex + 2], "INTEGER", "INT") ? asIndex + 2 : asIndex + 1;
    const last = code[lastIndex]!;
    if (!isSymbol(code[lastIndex + 1], ")")) return [];
    return [replaceRange(type!.start, last.end, isWord(type, "SIGNED") ? "BIGINT" : "UBIGINT")];
  }
  if (isWord(type, "DECIMAL", "DEC", "NUMERIC") && isSymbol(code[asIndex + 2], ")")) return [insertAt(type!.end, "(10,0)")];
  return [];
}
