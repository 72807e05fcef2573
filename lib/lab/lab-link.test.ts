import { describe, expect, it } from "vitest";
import { LAB_LINK_MAX_SQL, labLinkUrl, parseLabLink } from "./lab-link";

describe("lab deep links", () => {
  it("opens the given side with the given query", () => {
    expect(parseLabLink({ database: "kafka", sql: "SHOW TABLES;" })).toEqual({ database: "kafka", sql: "SHOW TABLES;" });
  });

  it("ignores an unknown database, a repeated parameter, empty or over-long SQL", () => {
    expect(parseLabLink({ database: "postgres", sql: "SELECT 1" })).toBeUndefined();
    expect(parseLabLink({ database: ["kafka", "warehouse"], sql: "SELECT 1" })).toBeUndefined();
    expect(parseLabLink({ database: "warehouse", sql: "   " })).toBeUndefined();
    expect(parseLabLink({ database: "warehouse", sql: "x".repeat(LAB_LINK_MAX_SQL + 1) })).toBeUndefined();
    expect(parseLabLink({})).toBeUndefined();
  });

  it("round-trips a query with newlines, quotes, & and # through the link it builds", () => {
    const link = { database: "warehouse" as const, sql: "SELECT '&#?' AS s\nFROM purchases;" };
    const url = new URL(labLinkUrl(link, "http://localhost:3000"));
    expect(url.pathname).toBe("/lab");
    expect(parseLabLink(Object.fromEntries(url.searchParams))).toEqual(link);
  });
});
