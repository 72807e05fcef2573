import { describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { publicErrorBody, redactInternals } from "./public-error";

describe("public error bodies", () => {
  const driverFailure = new FomoError(
    "unavailable:warehouse",
    "connect ECONNREFUSED 127.0.0.1:45306 (socket /work/wt/.stack/warehouse/mysqld.sock)",
  );
  const sqlMistake = new FomoError("bad_request:query", "Table 'fomo.requestlog' doesn't exist", { line: 1, column: 15 });

  it("keep the full message in local mode, for the engineer fixing their setup", () => {
    expect(publicErrorBody(driverFailure, false).error.message).toContain("ECONNREFUSED 127.0.0.1:45306");
  });

  it("replace a server-side failure's message in hosted mode, keeping the code", () => {
    const body = publicErrorBody(driverFailure, true);
    expect(body.error.code).toBe("unavailable:warehouse");
    expect(body.error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\/work/);
  });

  it("keep a SQL error's message and position in hosted mode (the story shows it)", () => {
    expect(publicErrorBody(sqlMistake, true)).toEqual({
      error: { code: "bad_request:query", message: "Table 'fomo.requestlog' doesn't exist", line: 1, column: 15 },
    });
  });

  it("blank out paths, addresses and stack frames", () => {
    const text = redactInternals("failed at /work/main/server/engine/x.ts near 10.0.0.5:9092\n    at run (file.js:1:2)");
    expect(text).toBe("failed at <path> near <address>");
  });
});
