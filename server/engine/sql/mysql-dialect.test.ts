import { describe, expect, it } from "vitest";
import { translateMysqlDialect } from "./mysql-dialect";

const text = (sql: string) => translateMysqlDialect(sql).text;

describe("MySQL dialect translation", () => {
  it("turns backtick identifiers into double-quoted ones of the same length", () => {
    const sql = "SELECT `customerid`, sum(`amount`) FROM `purchases` GROUP BY `customerid`";
    const translated = text(sql);
    expect(translated).toBe('SELECT "customerid", sum("amount") FROM "purchases" GROUP BY "customerid"');
    expect(translated.length).toBe(sql.length);
  });

  it("rewrites LIMIT offset, count into LIMIT count OFFSET offset", () => {
    expect(text("SELECT 1 FROM t ORDER BY 1 LIMIT 5, 10")).toBe("SELECT 1 FROM t ORDER BY 1 LIMIT 10 OFFSET 5");
    expect(text("select 1 from t limit 3")).toBe("select 1 from t limit 3");
  });

  it("rewrites DIV into integer division, and leaves a column named div alone", () => {
    expect(text("SELECT amount DIV 10 FROM purchases")).toBe("SELECT amount // 10 FROM purchases");
    expect(text("SELECT divisor, div FROM t")).toBe("SELECT divisor, div FROM t");
  });

  it("writes REGEXP, RLIKE, LIKE and their NOT forms as the engine's case-insensitive operators", () => {
    expect(text("SELECT 1 FROM t WHERE a REGEXP 'x' AND b NOT RLIKE 'y' OR c LIKE '%z%' AND d NOT LIKE 'w'")).toBe(
      "SELECT 1 FROM t WHERE a ~* 'x' AND b !~* 'y' OR c ~~^ '%z%' AND d !~~^ 'w'",
    );
    expect(text("SELECT 1 FROM t WHERE NOT a LIKE 'x' AND b LIKE 'a!_' ESCAPE '!'")).toBe(
      "SELECT 1 FROM t WHERE NOT a ~~^ 'x' AND b LIKE 'a!_' ESCAPE '!'",
    );
  });

  it("moves GROUP_CONCAT's SEPARATOR into DuckDB's second argument and joins several expressions", () => {
    expect(text("SELECT GROUP_CONCAT(itemcode ORDER BY amount DESC SEPARATOR ';') FROM t")).toBe(
      "SELECT GROUP_CONCAT(itemcode, ';' ORDER BY amount DESC ) FROM t",
    );
    expect(text("SELECT GROUP_CONCAT(DISTINCT a, '-', b) FROM t")).toBe("SELECT GROUP_CONCAT(DISTINCT mysql_concat(a, '-', b)) FROM t");
    // MySQL's ORDER BY 1 inside GROUP_CONCAT is the first concatenated expression, not a constant.
    expect(text("SELECT GROUP_CONCAT(DISTINCT LEFT(c, 1) ORDER BY 1 DESC SEPARATOR '|') FROM t")).toBe(
      "SELECT GROUP_CONCAT(DISTINCT LEFT(c, 1), '|' ORDER BY LEFT ( c , 1 ) DESC ) FROM t",
    );
  });

  it("turns GROUP BY … WITH ROLLUP into GROUP BY ROLLUP (…)", () => {
    expect(text("SELECT a, b, COUNT(*) FROM t GROUP BY a, b WITH ROLLUP")).toBe("SELECT a, b, COUNT(*) FROM t GROUP BY ROLLUP (a, b) ");
    expect(text("SELECT * FROM (SELECT a FROM t GROUP BY a WITH ROLLUP) x")).toBe("SELECT * FROM (SELECT a FROM t GROUP BY ROLLUP (a) ) x");
  });

  it("renames functions whose DuckDB namesake means something else, only where they are called", () => {
    expect(text("SELECT CONCAT(a, b), STDDEV(x), Round(y, 2), concat FROM t")).toBe(
      "SELECT mysql_concat(a, b), stddev_pop(x), mysql_round(y, 2), concat FROM t",
    );
    expect(text("SELECT AVG(x), AVG(DISTINCT x), t.concat(1), DATE_FORMAT(d, '%Y-%m-%d %H:%i') FROM t")).toBe(
      "SELECT mysql_avg(x), AVG(DISTINCT x), t.concat(1), strftime(CAST(d AS TIMESTAMP), '%Y-%m-%d %H:%M') FROM t",
    );
  });

  it("spells POSITION … IN, CONVERT, TIMESTAMPDIFF and MySQL cast types the DuckDB way", () => {
    expect(text("SELECT POSITION('12' IN c) FROM t")).toBe("SELECT mysql_locate('12' , c) FROM t");
    expect(text("SELECT CONVERT(a, SIGNED), CONVERT(b USING utf8mb4) FROM t")).toBe("SELECT CAST(a AS  BIGINT), (b ) FROM t");
    expect(text("SELECT CAST(a AS UNSIGNED INTEGER), CAST(b AS DECIMAL) FROM t")).toBe(
      "SELECT CAST(a AS UBIGINT), CAST(b AS DECIMAL(10,0)) FROM t",
    );
    expect(text("SELECT TIMESTAMPDIFF(DAY, a, b) FROM t")).toBe(
      "SELECT date_sub('day', CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP)) FROM t",
    );
  });

  it("reads || and && as MySQL does (OR, AND), and # as a comment", () => {
    expect(text("SELECT 1 FROM t WHERE a = 1 || b = 2 && c = 3 # why")).toBe("SELECT 1 FROM t WHERE a = 1  OR  b = 2  AND  c = 3      ");
  });

  it("reads a string after a select item as its alias, and nowhere else", () => {
    expect(text("SELECT SUM(a) 'total', DATE '2024-01-01', b REGEXP 'x' FROM t WHERE c = 'y'")).toBe(
      "SELECT SUM(a) \"total\", DATE '2024-01-01', b ~* 'x' FROM t WHERE c = 'y'",
    );
    expect(text("EXPORT DATABASE 'x'")).toBe("EXPORT DATABASE 'x'");
  });

  it("reads MOD as an operator and COUNT(DISTINCT a, b) as distinct pairs", () => {
    expect(text("SELECT a MOD 7, MOD(a, 7), COUNT(DISTINCT a, b) FROM t")).toBe("SELECT a % 7, MOD(a, 7), COUNT(DISTINCT (a, b)) FROM t");
  });

  it("reads MySQL's backslash escapes in strings", () => {
    expect(text("SELECT 'it\\'s', 'a\\\\b', 'x\\_y' FROM t")).toBe("SELECT 'it''s', 'a\\b', 'x\\_y' FROM t");
  });

  it("leaves string literals exactly as written and blanks comments, keeping their lines", () => {
    const sql = "SELECT 'a `b` LIMIT 1, 2 REGEXP', \"x\" -- `c` DIV 2 CONCAT(\nFROM t /* LIMIT 1,\n 2 */";
    expect(text(sql)).toBe(`SELECT 'a \`b\` LIMIT 1, 2 REGEXP', "x" ${" ".repeat(20)}\nFROM t ${" ".repeat(11)}\n${" ".repeat(5)}`);
  });

  it("reads comments by MySQL's rules: `--` needs a space after it, `/* */` does not nest", () => {
    expect(text("SELECT 5--2")).toBe("SELECT 5- -2");
    expect(text("SELECT 1 ---2")).toBe("SELECT 1 - - -2");
    expect(text("SELECT 5 -- 2")).toBe("SELECT 5     ");
    expect(text("SELECT 1--")).toBe("SELECT 1  ");
    expect(text("SELECT 1 /* /* */ + 1")).toBe(`SELECT 1 ${" ".repeat(8)} + 1`);
    expect(text("SELECT '--', \"a--b\", '/*'")).toBe("SELECT '--', \"a--b\", '/*'");
  });

  it("refuses executable comments and unterminated comments", () => {
    for (const sql of ["SELECT 1 /*! +1 */", "SELECT/*!*/1", "SELECT 1 /*!50100 +1 */", "SELECT 1 /*M! +1 */", "SELECT /*+ hint */ 1"]) {
      expect(() => translateMysqlDialect(sql), sql).toThrow(expect.objectContaining({ code: "sandbox:executable_comment" }));
    }
    expect(() => translateMysqlDialect("SELECT 1\n/* open")).toThrow(
      expect.objectContaining({ code: "bad_request:syntax", line: 2, column: 1 }),
    );
  });

  it("keeps an unterminated literal as it is, for the parser to report", () => {
    expect(text("SELECT 'abc")).toBe("SELECT 'abc");
  });

  it("maps every position of the translation back to the text as typed", () => {
    const sql = "SELECT CONCAT(a, b),\n  x REGEXP 'p'\nFROM t LIMIT 5, 10";
    const translation = translateMysqlDialect(sql);
    const at = (needle: string) => translation.text.indexOf(needle);
    expect(translation.originalOffset(at("x ~*"))).toBe(sql.indexOf("x REGEXP"));
    expect(translation.originalOffset(at("FROM"))).toBe(sql.indexOf("FROM"));
    expect(translation.originalOffset(at("5"))).toBe(sql.indexOf("5"));
    expect(translation.positionOfByteOffset(Buffer.byteLength(translation.text.slice(0, at("FROM"))))).toEqual({ line: 3, column: 1 });
  });
});

describe("translated SQL edited once more", () => {
  it("still maps positions to the text as typed", () => {
    const sql = "SELECT `useragent`\nFROM r ORDER BY 1";
    const translation = translateMysqlDialect(sql);
    const edited = translation.withEdits([
      {
        start: translation.text.length,
        end: translation.text.length,
        pieces: [{ text: " COLLATE NOCASE", origin: translation.text.length }],
      },
    ]);
    expect(edited.text).toBe('SELECT "useragent"\nFROM r ORDER BY 1 COLLATE NOCASE');
    expect(edited.originalOffset(edited.text.indexOf("FROM"))).toBe(sql.indexOf("FROM"));
    expect(edited.originalOffset(edited.text.indexOf("COLLATE"))).toBe(sql.length);
    expect(edited.positionOfErrorContext("Binder Error: x\n\nLINE 2: FROM r ORDER BY 1 COLLATE NOCASE\n                ^")).toEqual({
      line: 2,
      column: 9,
    });
  });
});
