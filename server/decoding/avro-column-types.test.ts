import { describe, expect, it } from "vitest";
import { avroColumns, duckdbTypeName } from "./avro-column-types";

describe("Avro schema to engine column types", () => {
  it("maps primitives, logical types, unions with null, enums, arrays, maps and nested records", () => {
    const columns = avroColumns({
      type: "record",
      name: "Purchase",
      namespace: "fomo",
      fields: [
        { name: "id", type: "long" },
        { name: "quantity", type: "int" },
        { name: "amount", type: "double" },
        { name: "ratio", type: "float" },
        { name: "price", type: { type: "bytes", logicalType: "decimal", precision: 10, scale: 2 } },
        { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
        { name: "day", type: { type: "int", logicalType: "date" } },
        { name: "customerId", type: "string" },
        { name: "paid", type: "boolean" },
        { name: "note", type: ["null", "string"], default: null },
        { name: "channel", type: { type: "enum", name: "Channel", symbols: ["WEB", "STORE"] } },
        { name: "tags", type: { type: "array", items: "string" } },
        { name: "attributes", type: { type: "map", values: "long" } },
        { name: "address", type: { type: "record", name: "Address", fields: [{ name: "city", type: "string" }] } },
        { name: "billing", type: ["null", "Address"] },
        { name: "either", type: ["int", "string"] },
      ],
    });
    const byName = Object.fromEntries(
      columns.map((column) => [column.name, `${duckdbTypeName(column.type)}${column.nullable ? " NULL" : ""}`]),
    );
    expect(byName).toEqual({
      id: "BIGINT",
      quantity: "INTEGER",
      amount: "DOUBLE",
      ratio: "DOUBLE",
      price: "DECIMAL(10,2)",
      at: "TIMESTAMP",
      day: "DATE",
      customerId: "VARCHAR",
      paid: "BOOLEAN",
      note: "VARCHAR NULL",
      channel: "VARCHAR",
      tags: "VARCHAR[]",
      attributes: "MAP(VARCHAR, BIGINT)",
      address: 'STRUCT("city" VARCHAR)',
      billing: 'STRUCT("city" VARCHAR) NULL',
      either: "VARCHAR NULL",
    });
    expect(columns.find((column) => column.name === "price")?.type).toEqual({ kind: "DECIMAL", precision: 10, scale: 2 });
  });

  it("gives a schema that is not a record one column named value", () => {
    expect(avroColumns('"long"')).toEqual([{ name: "value", type: { kind: "BIGINT" }, nullable: false }]);
    expect(avroColumns(["null", "double"])).toEqual([{ name: "value", type: { kind: "DOUBLE" }, nullable: true }]);
  });
});
