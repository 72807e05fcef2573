import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { duckdbTypeName } from "./avro-column-types";
import { protobufColumns } from "./protobuf-column-types";

describe("Protobuf message type to engine column types", () => {
  it("maps scalars, enums, nested and repeated messages, maps and oneofs", () => {
    const { root } = protobuf.parse(
      `syntax = "proto3";
      package fomo.test;
      message Purchase {
        int64 id = 1; sint64 delta = 2; uint64 big = 3; int32 quantity = 4; uint32 count = 5;
        double amount = 6; float ratio = 7; bool paid = 8; string customerId = 9; bytes checksum = 10;
        Kind kind = 11; enum Kind { ONLINE = 0; STORE = 1; }
        Address address = 12; repeated string tags = 13; repeated Address previous = 14;
        map<string, int64> counters = 15; optional string note = 16;
        oneof payment { string card = 17; string voucher = 18; }
        Tree tree = 19;
      }
      message Address { string city = 1; }
      message Tree { Tree left = 1; }`,
      { keepCase: true },
    );
    const columns = protobufColumns(root.lookupType("fomo.test.Purchase"));
    const byName = Object.fromEntries(
      columns.map((column) => [column.name, `${duckdbTypeName(column.type)}${column.nullable ? " NULL" : ""}`]),
    );
    expect(byName).toMatchObject({
      id: "BIGINT",
      delta: "BIGINT",
      big: "UBIGINT",
      quantity: "INTEGER",
      count: "BIGINT",
      amount: "DOUBLE",
      ratio: "DOUBLE",
      paid: "BOOLEAN",
      customerId: "VARCHAR",
      checksum: "BLOB",
      kind: "VARCHAR",
      address: 'STRUCT("city" VARCHAR) NULL',
      tags: "VARCHAR[]",
      previous: 'STRUCT("city" VARCHAR)[]',
      counters: "MAP(VARCHAR, BIGINT)",
      note: "VARCHAR NULL",
      card: "VARCHAR NULL",
      voucher: "VARCHAR NULL",
    });
    // A recursive message ends as text instead of an endless STRUCT.
    expect(byName.tree).toMatch(/^STRUCT\("left" STRUCT\(/);
    expect(byName.tree).toContain("VARCHAR");
  });
});
