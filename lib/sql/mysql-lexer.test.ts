import { describe, expect, it } from "vitest";
import { significantTokens, tokenizeMysql, type SqlToken } from "./mysql-lexer";

const kinds = (sql: string) => significantTokens(tokenizeMysql(sql)).map((token) => `${token.kind}:${token.text}`);
const all = (sql: string): Array<Pick<SqlToken, "kind" | "text">> => tokenizeMysql(sql).map(({ kind, text }) => ({ kind, text }));

describe("the MySQL lexer", () => {
  it("covers every character once, so offsets are offsets into the text as typed", () => {
    const sql = "SELECT `a``b`, 'c\\'d' -- e\n# f\n/* g */ FROM t WHERE x = .5e3";
    const tokens = tokenizeMysql(sql);
    expect(tokens.map((token) => token.text).join("")).toBe(sql);
    tokens.forEach((token) => expect(sql.slice(token.start, token.end)).toBe(token.text));
  });

  it("reads -- as a comment only before a space, a control character or the end", () => {
    expect(kinds("SELECT 5--2")).toEqual(["word:SELECT", "number:5", "symbol:-", "symbol:-", "number:2"]);
    expect(kinds("SELECT 5 -- 2")).toEqual(["word:SELECT", "number:5"]);
    expect(kinds("SELECT 5 --\t2")).toEqual(["word:SELECT", "number:5"]);
    expect(kinds("SELECT 5 --\x012")).toEqual(["word:SELECT", "number:5"]);
    expect(kinds("SELECT 5--")).toEqual(["word:SELECT", "number:5"]);
    expect(kinds("SELECT 1 -- x\n+ 1")).toEqual(["word:SELECT", "number:1", "symbol:+", "number:1"]);
  });

  it("reads # to the end of the line and /* */ without nesting", () => {
    expect(kinds("SELECT 1 # c\n+ 1")).toEqual(["word:SELECT", "number:1", "symbol:+", "number:1"]);
    expect(kinds("SELECT 1 /* /* */ + 1")).toEqual(["word:SELECT", "number:1", "symbol:+", "number:1"]);
    expect(all("SELECT 2/*/3*/")).toContainEqual({ kind: "comment", text: "/*/3*/" });
    expect(tokenizeMysql("SELECT 1 /* open").at(-1)).toMatchObject({ kind: "comment", unterminated: true });
  });

  it("marks executable comments and optimizer hints, which the server reads", () => {
    for (const comment of ["/*! +1 */", "/*!50100 +1 */", "/*M! +1 */", "/*M!100000 +1 */", "/*+ MAX_EXECUTION_TIME(1) */", "/*!*/"]) {
      expect(all(`SELECT 1 ${comment}`)).toContainEqual({ kind: "executable_comment", text: comment });
    }
    expect(all("SELECT 1 /* ! */")).toContainEqual({ kind: "comment", text: "/* ! */" });
  });

  it("reads strings and names with their escapes", () => {
    expect(kinds("SELECT '--', \"a--b\", 'it''s', 'it\\'s', \"q\"\"q\", `a``b`")).toEqual([
      "word:SELECT",
      "string:'--'",
      "symbol:,",
      'quoted:"a--b"',
      "symbol:,",
      "string:'it''s'",
      "symbol:,",
      "string:'it\\'s'",
      "symbol:,",
      'quoted:"q""q"',
      "symbol:,",
      "backtick:`a``b`",
    ]);
    expect(kinds("SELECT 'a\\\\' -- x")).toEqual(["word:SELECT", "string:'a\\\\'"]);
    expect(tokenizeMysql("SELECT 'open").at(-1)).toMatchObject({ kind: "string", unterminated: true });
  });

  it("reads without backslash escapes when asked (standard SQL text)", () => {
    // MySQL: the backslash escapes the quote, so the string runs on to the next one.
    expect(kinds("SELECT 'a\\' , 'b'")).toEqual(["word:SELECT", "string:'a\\' , '", "word:b", "string:'"]);
    expect(significantTokens(tokenizeMysql("SELECT 'a\\' , 'b'", { backslashEscapes: false })).map((token) => token.text)).toEqual([
      "SELECT",
      "'a\\'",
      ",",
      "'b'",
    ]);
  });

  it("reads MySQL's numbers, and names that start with digits", () => {
    expect(kinds("SELECT 1e3, .5, 1., 1.5e-3, 0x1F, 0b01, x'1F', B'01'")).toEqual([
      "word:SELECT",
      "number:1e3",
      "symbol:,",
      "number:.5",
      "symbol:,",
      "number:1.",
      "symbol:,",
      "number:1.5e-3",
      "symbol:,",
      "number:0x1F",
      "symbol:,",
      "number:0b01",
      "symbol:,",
      "number:x'1F'",
      "symbol:,",
      "number:B'01'",
    ]);
    expect(kinds("SELECT 1e, 0x1G, 123abc, t.col")).toEqual([
      "word:SELECT",
      "word:1e",
      "symbol:,",
      "word:0x1G",
      "symbol:,",
      "word:123abc",
      "symbol:,",
      "word:t",
      "symbol:.",
      "word:col",
    ]);
    expect(kinds("SELECT @x := @@session.y")).toEqual(["word:SELECT", "word:@x", "symbol::=", "word:@@session", "symbol:.", "word:y"]);
  });
});
