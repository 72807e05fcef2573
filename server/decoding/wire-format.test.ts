import { describe, expect, it } from "vitest";
import { readConfluentFrame, readMessageIndexes, writeMessageIndexes } from "./wire-format";

describe("Confluent wire format", () => {
  it("reads the schema id big-endian after the magic byte and keeps the rest as payload", () => {
    const frame = readConfluentFrame(Buffer.from([0, 0, 0, 1, 2, 0xaa, 0xbb]));
    expect(frame).toEqual({ kind: "framed", schemaId: 258, payload: Buffer.from([0xaa, 0xbb]) });
  });

  it("tells a cut-short header from a value that is not framed at all", () => {
    expect(readConfluentFrame(Buffer.from([0, 0, 1]))).toEqual({ kind: "truncated" });
    expect(readConfluentFrame(Buffer.from('{"a":1}'))).toEqual({ kind: "unframed" });
    expect(readConfluentFrame(Buffer.alloc(0))).toEqual({ kind: "unframed" });
  });

  it("reads Protobuf message indexes as Confluent's serializer writes them", () => {
    for (const indexes of [[0], [1], [2, 0, 3], [200]]) {
      const bytes = Buffer.concat([writeMessageIndexes(indexes), Buffer.from([0x0a, 0x01, 0x41])]);
      expect(readMessageIndexes(bytes)).toEqual({ indexes, rest: Buffer.from([0x0a, 0x01, 0x41]) });
    }
    // [0] is the single byte 0; [1] is count 1 (zigzag 2) then index 1 (zigzag 2).
    expect(writeMessageIndexes([0])).toEqual(Buffer.from([0]));
    expect(writeMessageIndexes([1])).toEqual(Buffer.from([2, 2]));
    expect(readMessageIndexes(Buffer.from([0x80]))).toBeUndefined();
  });
});
