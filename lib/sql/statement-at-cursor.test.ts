import { describe, expect, it } from "vitest";
import { splitStatements, statementAtOffset } from "./statement-at-cursor";

const script = "SHOW TABLES;\nSELECT 'a;b' AS s -- x; y\nFROM purchases;\n\n/* ; */ SELECT `c;d` FROM t";

describe("statement under the cursor", () => {
  it("splits at statement ends but not at a semicolon inside strings, names or comments", () => {
    expect(splitStatements(script).map((s) => s.text)).toEqual([
      "SHOW TABLES",
      "SELECT 'a;b' AS s -- x; y\nFROM purchases",
      "/* ; */ SELECT `c;d` FROM t",
    ]);
  });

  it("runs the statement the cursor is in, even on its second line", () => {
    expect(statementAtOffset(script, script.indexOf("FROM purchases") + 2)).toBe("SELECT 'a;b' AS s -- x; y\nFROM purchases");
    expect(statementAtOffset(script, script.indexOf("`c;d`"))).toContain("SELECT `c;d` FROM t");
  });

  it("runs the statement just ended when the cursor sits after its semicolon or on a blank line", () => {
    expect(statementAtOffset(script, "SHOW TABLES;".length)).toBe("SHOW TABLES");
    expect(statementAtOffset(script, script.indexOf("\n\n") + 1)).toBe("SELECT 'a;b' AS s -- x; y\nFROM purchases");
  });

  it("finds nothing to run in a script of blanks and comments", () => {
    expect(splitStatements("  -- nothing;\n ; ")).toEqual([]);
    expect(statementAtOffset("  ; ", 1)).toBeUndefined();
  });
});
