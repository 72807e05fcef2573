import { describe, expect, it } from "vitest";
import { avroDecimalFields, trinoDecimalExpression } from "./avro-decimals";
import { decimalBytes, PURCHASE_AVRO_SCHEMA } from "./avro-purchases";
import { trinoTableAt } from "./check-queries";

describe("the Trino check's Avro decimal handling", () => {
  it("writes decimals as Avro does: minimal big-endian two's complement", () => {
    expect(decimalBytes(-1234567n).toString("hex")).toBe("ed2979");
    expect(decimalBytes(0n).toString("hex")).toBe("00");
    expect(decimalBytes(127n).toString("hex")).toBe("7f");
    expect(decimalBytes(128n).toString("hex")).toBe("0080");
    expect(decimalBytes(-128n).toString("hex")).toBe("80");
    expect(decimalBytes(-129n).toString("hex")).toBe("ff7f");
  });

  it("finds decimal fields in the registry's schema text, nullable ones included, by Trino's lower-case column name", () => {
    const nullable = {
      type: "record",
      name: "P",
      fields: [
        { name: "Price", type: ["null", { type: "bytes", logicalType: "decimal", precision: 12, scale: 3 }] },
        { name: "note", type: "string" },
      ],
    };
    expect(avroDecimalFields(JSON.stringify(PURCHASE_AVRO_SCHEMA))).toEqual([{ name: "amount", precision: 10, scale: 2 }]);
    expect(avroDecimalFields(JSON.stringify(nullable))).toEqual([{ name: "price", precision: 12, scale: 3 }]);
    expect(avroDecimalFields('"string"')).toEqual([]);
  });

  it("refuses decimals wider than 18 digits rather than decoding them wrongly", () => {
    expect(() => trinoDecimalExpression({ name: "big", precision: 20, scale: 2 })).toThrow(/wider than the 18 digits/);
  });

  it("gives Trino a view with decoded decimals and the engine's snapshot offsets, or the bare table when neither applies", () => {
    const view = { topic: "purchases", columns: ["customerid", "amount"], decimals: [{ name: "amount", precision: 10, scale: 2 }] };
    const snapshot = {
      takenAt: "2026-11-29T00:00:00Z",
      topics: { purchases: [{ partition: 1, logStartOffset: "5", highWatermark: "42" }] },
    };
    const sql = trinoTableAt(view, snapshot);
    expect(sql).toContain(`CAST(from_big_endian_64(lpad("amount", 8,`);
    expect(sql).toContain("(_partition_id = 1 AND _partition_offset >= 5 AND _partition_offset < 42)");
    expect(sql.endsWith(") AS purchases")).toBe(true);
    expect(trinoTableAt({ ...view, decimals: [] }, undefined)).toBe("purchases");
  });
});
