import { describe, expect, it } from "vitest";
import { resultLimit } from "./result-limit";

describe("the LIMIT that caps a result", () => {
  it("reads LIMIT n, LIMIT offset, n and LIMIT n OFFSET m", () => {
    expect(resultLimit("SELECT * FROM t ORDER BY a DESC LIMIT 3;")).toBe(3);
    expect(resultLimit("select * from t limit 10, 5")).toBe(5);
    expect(resultLimit("SELECT * FROM t LIMIT 7 OFFSET 2")).toBe(7);
  });

  it("ignores a subquery's LIMIT and the word in strings or comments", () => {
    expect(resultLimit("SELECT * FROM (SELECT a FROM t LIMIT 2) x")).toBeUndefined();
    expect(resultLimit("SELECT 'LIMIT 3' -- LIMIT 4\nFROM t")).toBeUndefined();
  });
});
