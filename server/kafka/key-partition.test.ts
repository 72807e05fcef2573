import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { partitionOfKey } from "./key-partition";

describe("partitionOfKey", () => {
  it("assigns partitions exactly like kafkajs' default (Java-compatible murmur2) partitioner", () => {
    // The murmur2 kafkajs itself uses (CommonJS internals, loaded for the comparison only).
    const require = createRequire(import.meta.url);
    const kafkajsMurmur2 = require("kafkajs/src/producer/partitioners/default/murmur2") as (key: Buffer) => number;
    for (let customer = 1000; customer < 2000; customer++) {
      const key = Buffer.from(`CU-${customer}`);
      expect(partitionOfKey(key, 3)).toBe((kafkajsMurmur2(key) & 0x7fffffff) % 3);
    }
    for (const text of ["", "a", "ab", "abc", "abcd", "abcde", "héllo wörld"]) {
      const key = Buffer.from(text);
      expect(partitionOfKey(key, 7)).toBe((kafkajsMurmur2(key) & 0x7fffffff) % 7);
    }
  });
});
