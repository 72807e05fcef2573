import { describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { checkReadStatement } from "./read-statement-guard";

function refusal(sql: string): FomoError {
  try {
    checkReadStatement(sql);
  } catch (error) {
    if (error instanceof FomoError) return error;
    throw error;
  }
  throw new Error(`expected a refusal for: ${sql}`);
}

describe("checkReadStatement", () => {
  it.each([
    "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;",
    "select 1",
    "WITH t AS (SELECT 1 AS x) SELECT x FROM t",
    "SHOW TABLES;",
    "SHOW CREATE TABLE purchases",
    "SHOW FULL COLUMNS FROM purchases",
    "SHOW INDEX FROM purchases",
    "SHOW DATABASES",
    "DESCRIBE purchases",
    "desc purchases",
    "EXPLAIN SELECT * FROM purchases",
    "(SELECT 1) UNION (SELECT 2)",
    "SELECT REPLACE(itemCode, '0', 'x'), INSERT('abc', 1, 1, 'z') FROM purchases",
    "SELECT 'DROP TABLE purchases; DELETE' AS text -- ; drop table x\n",
    "SELECT `update` FROM t # INSERT",
    "SELECT 1 /* ; DROP TABLE x */",
  ])("lets one read statement through: %s", (sql) => {
    expect(() => checkReadStatement(sql)).not.toThrow();
  });

  it("sends the text as typed without its trailing semicolon", () => {
    expect(checkReadStatement("SELECT 1;\n").sql).toBe("SELECT 1");
    expect(checkReadStatement("SELECT ';'").sql).toBe("SELECT ';'");
  });

  it.each([
    "INSERT INTO purchases VALUES ('CU-1', 1, '1')",
    "UPDATE purchases SET amount = 0",
    "DELETE FROM purchases",
    "REPLACE INTO purchases VALUES (1)",
    "CREATE TABLE x (a INT)",
    "DROP TABLE purchases",
    "ALTER TABLE purchases ADD COLUMN x INT",
    "TRUNCATE purchases",
    "RENAME TABLE purchases TO p2",
    "GRANT ALL ON *.* TO 'x'",
    "SET GLOBAL max_connections = 1",
    "SET STATEMENT max_statement_time=0 FOR SELECT SLEEP(100)",
    "LOAD DATA INFILE '/etc/passwd' INTO TABLE purchases",
    "CALL mysql.some_procedure()",
    "DO SLEEP(1)",
    "HANDLER purchases OPEN",
    "LOCK TABLES purchases WRITE",
    "KILL 1",
    "FLUSH PRIVILEGES",
    "USE mysql",
    "SELECT * FROM purchases INTO OUTFILE '/tmp/x'",
    "SELECT 1 INTO @x",
    "SELECT * FROM purchases FOR UPDATE",
    "WITH x AS (SELECT 1) DELETE FROM purchases",
    "EXPLAIN DELETE FROM purchases",
    "SHOW VARIABLES",
    "SHOW GLOBAL STATUS",
    "SHOW PROCESSLIST",
    "SHOW GRANTS",
    "SHOW CREATE USER CURRENT_USER",
  ])("refuses a statement that is not a pure read: %s", (sql) => {
    expect(refusal(sql).code).toBe("sandbox:forbidden_statement");
  });

  it.each([
    "SELECT 1 /*! ; DROP TABLE purchases */",
    "SELECT 1 /*M!100000 , SLEEP(5) */",
    "SELECT 1 /*!50100 + 1 */",
    "SELECT/*!*/1",
    "SELECT /*+ MAX_EXECUTION_TIME(100000) */ SLEEP(60)",
  ])("refuses an executable comment the server would run: %s", (sql) => {
    expect(refusal(sql).code).toBe("sandbox:executable_comment");
  });

  it("reads comments and strings as the server does", () => {
    expect(checkReadStatement("SELECT 5--2").sql).toBe("SELECT 5--2");
    expect(checkReadStatement("SELECT '--' AS a, \"a--b\" AS b # c").keyword).toBe("SELECT");
    expect(checkReadStatement("SELECT 1 /* c */ + 1;").sql).toBe("SELECT 1 /* c */ + 1");
    // `--x` is no comment to MySQL: the semicolon after it ends the statement and DROP is a second one.
    expect(refusal("SELECT 1 --x\n; DROP TABLE purchases").code).toBe("sandbox:multiple_statements");
    expect(refusal("SELECT 1 -- x\n; DROP TABLE purchases").code).toBe("sandbox:multiple_statements");
    expect(refusal("SELECT 'it\\'s;' ; DROP TABLE purchases").code).toBe("sandbox:multiple_statements");
    expect(refusal("SELECT 1 /* unterminated").code).toBe("bad_request:syntax");
    expect(checkReadStatement("SELECT t.into FROM t").keyword).toBe("SELECT");
  });

  it("refuses a second statement and points at it", () => {
    const error = refusal("SELECT 1;\n  DROP TABLE purchases");
    expect(error.code).toBe("sandbox:multiple_statements");
    expect(error.line).toBe(2);
    expect(error.column).toBe(3);
    expect(refusal("SELECT 1; SELECT 2").code).toBe("sandbox:multiple_statements");
  });

  it("says where the forbidden word is", () => {
    const error = refusal("SELECT *\nFROM purchases\nINTO OUTFILE '/tmp/x'");
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
    expect(error.httpStatus).toBe(403);
  });

  it("rejects an empty query as a bad request", () => {
    expect(refusal("  -- nothing\n ;").code).toBe("bad_request:empty_query");
  });
});
