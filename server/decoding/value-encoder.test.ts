import { describe, expect, it } from "vitest";
import { payloadDecoderFor } from "./schema-decoders";
import { confluentEncoderFor, encodeConfluent } from "./value-encoder";
import { readConfluentFrame, readMessageIndexes } from "./wire-format";

const decimalSchema = JSON.stringify({
  type: "record",
  name: "Price",
  fields: [{ name: "amount", type: { type: "bytes", logicalType: "decimal", precision: 30, scale: 2 } }],
});
const protoSchema = `syntax = "proto3";
package shop;
message Purchase { string customerId = 1; double amount = 2; }
message Other { string x = 1; }`;

/** Encodes with the producer side, then decodes the payload with the consumer side of the module. */
function roundTrip(schemaType: "AVRO" | "PROTOBUF", schema: string, value: unknown): unknown {
  const framed = readConfluentFrame(confluentEncoderFor({ id: 7, schemaType, schema }).encode(value));
  if (framed.kind !== "framed") throw new Error("not framed");
  expect(framed.schemaId).toBe(7);
  return payloadDecoderFor({ schemaType, schema, hasReferences: false }).decode(framed.payload).value;
}

describe("Confluent encoder", () => {
  it.each([
    [12.34, "12.34"],
    [10, "10.00"],
    [99.99, "99.99"],
    [0.07, "0.07"],
    ["-12345.67", "-12345.67"],
    ["0.5", "0.50"],
    [-128, "-128.00"],
    // Beyond the small-number path: the BigInt one takes it, exactly.
    ["123456789012345678901234.56", "123456789012345678901234.56"],
    ["-99999999999999999999.99", "-99999999999999999999.99"],
  ])("writes decimal %s so that it decodes as %s", (amount, decoded) => {
    expect(roundTrip("AVRO", decimalSchema, { amount })).toEqual({ amount: decoded });
  });

  it("writes Protobuf with the message index of the first message type, as Confluent's serializer does", () => {
    const bytes = confluentEncoderFor({ id: 3, schemaType: "PROTOBUF", schema: protoSchema }).encode({
      customerId: "CU-1277",
      amount: 12.5,
    });
    const framed = readConfluentFrame(bytes);
    expect(framed.kind === "framed" && readMessageIndexes(framed.payload)?.indexes).toEqual([0]);
    expect(bytes[5]).toBe(0);
    expect(roundTrip("PROTOBUF", protoSchema, { customerId: "CU-1277", amount: 12.5 })).toEqual({ customerId: "CU-1277", amount: 12.5 });
  });

  it("frames any payload with magic byte, big-endian id and message indexes", () => {
    expect([...encodeConfluent(0x01020304, Buffer.from([0xaa]))]).toEqual([0, 1, 2, 3, 4, 0xaa]);
    expect([...encodeConfluent(1, Buffer.from([0xaa]), [1, 0])]).toEqual([0, 0, 0, 0, 1, 4, 2, 0, 0xaa]);
  });

  it("refuses a schema it cannot parse", () => {
    expect(() => confluentEncoderFor({ id: 1, schemaType: "PROTOBUF", schema: "syntax = nope" })).toThrow();
  });
});
