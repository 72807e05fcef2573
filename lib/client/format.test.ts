import { describe, expect, it } from "vitest";
import { formatCell } from "./format";

describe("numbers in results", () => {
  it("shows Kafka's float sum and the warehouse's rounded total the same way", () => {
    expect(formatCell(5926.209999999998)).toBe("5,926.21");
    expect(formatCell(5926.21)).toBe("5,926.21");
    expect(formatCell("5926.210", true)).toBe("5,926.21");
  });

  it("keeps text in text columns and big integers sent as text untouched", () => {
    expect(formatCell("5926.210")).toBe("5926.210");
    expect(formatCell("12345678901234567890", true)).toBe("12345678901234567890");
    expect(formatCell("CU-1277", true)).toBe("CU-1277");
    expect(formatCell(null, true)).toBe("NULL");
  });
});
