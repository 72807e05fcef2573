/**
 * MySQL's DATE_FORMAT specifiers as DuckDB `strftime` ones. DuckDB's strftime needs a constant
 * format, so the translation converts a literal format once (DATE_FORMAT with a computed format is
 * not supported).
 */
const SPECIFIERS: ReadonlyArray<readonly [mysql: string, strftime: string]> = [
  ["a", "%a"],
  ["b", "%b"],
  ["c", "%-m"],
  ["d", "%d"],
  ["e", "%-d"],
  ["f", "%f"],
  ["H", "%H"],
  ["h", "%I"],
  ["I", "%I"],
  ["i", "%M"],
  ["j", "%j"],
  ["k", "%-H"],
  ["l", "%-I"],
  ["M", "%B"],
  ["m", "%m"],
  ["p", "%p"],
  ["r", "%I:%M:%S %p"],
  ["S", "%S"],
  ["s", "%S"],
  ["T", "%H:%M:%S"],
  ["U", "%U"],
  ["v", "%V"],
  ["W", "%A"],
  ["w", "%w"],
  ["x", "%G"],
  ["Y", "%Y"],
  ["y", "%y"],
];

/** A MySQL DATE_FORMAT format as a strftime one; `%D` (1st, 2nd…), `%u`, `%V`, `%X` have no strftime twin and print as `%-d`, `%W`, `%U`, `%Y`. */
export function strftimeFormat(mysqlFormat: string): string {
  let format = "";
  for (let i = 0; i < mysqlFormat.length; i++) {
    const ch = mysqlFormat[i]!;
    if (ch !== "%" || i + 1 >= mysqlFormat.length) {
      format += ch;
      continue;
    }
    const specifier = mysqlFormat[++i]!;
    // MySQL prints any other `%x` as `x`.
    format += STRFTIME.get(specifier) ?? (specifier === "%" ? "%%" : specifier);
  }
  return format;
}

const STRFTIME = new Map<string, string>([...SPECIFIERS, ["D", "%-d"], ["u", "%W"], ["V", "%U"], ["X", "%Y"]]);
