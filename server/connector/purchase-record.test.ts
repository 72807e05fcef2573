import { describe, expect, it } from "vitest";
import { decodePurchase } from "./purchase-record";

const reasonOf = async (value: Buffer | string | null) => {
  const decoded = await decodePurchase(value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value));
  return decoded.ok ? "ok" : decoded.reason;
};

describe("decodePurchase against hostile values", () => {
  it.each([
    ["a tombstone", null, /^empty: .*tombstone/],
    ["a zero-byte value", "", /^empty: /],
    ["binary bytes", Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), /^not_utf8: /],
    ["a byte-order mark", '\ufeff{"customerId":"CU-1001","amount":1,"itemCode":"1"}', /^not_json: .*byte-order mark/],
    ["invalid JSON", "{nope", /^not_json: /],
    ["a top-level array", "[1,2,3]", /^not_object: .*array/],
    ["a bare number", "42", /^not_object: .*number/],
    ["JSON null", "null", /^not_object: .*null/],
    ["a duplicate key", '{"customerId":"CU-1001","amount":1,"amount":"x","itemCode":"1"}', /^duplicate_key: "amount"/],
    ["a number beyond double range", '{"customerId":"CU-1001","amount":1e400,"itemCode":"1"}', /^invalid_field: amount: .*Infinity/],
    ["a string for a number", '{"customerId":"CU-1001","amount":"12.5","itemCode":"1"}', /^wrong_type: amount/],
    [
      "a lone surrogate escape",
      '{"customerId":"CU-1001","amount":1,"itemCode":"\\ud800x"}',
      /^invalid_field: itemCode: .*lone UTF-16 surrogate/,
    ],
    ["a missing field", '{"customerId":"CU-1001","itemCode":"1"}', /^missing_field: amount/],
    ["an amount beyond DOUBLE(10,3)", '{"customerId":"CU-1001","amount":1e12,"itemCode":"1"}', /^invalid_field: amount/],
    ["a huge string", JSON.stringify({ customerId: "CU-1001", amount: 1, itemCode: "x".repeat(100_000) }), /^oversized: /],
    ["deep nesting", `${"[".repeat(30_000)}${"]".repeat(30_000)}`, /^not_object: /],
    [
      "deep nesting inside an object",
      `{"customerId":"CU-1001","amount":1,"itemCode":"1","n":${"[".repeat(30_000)}${"]".repeat(30_000)}}`,
      /^ok$/,
    ],
  ])("names %s clearly", async (_, value, reason) => {
    expect(await reasonOf(value)).toMatch(reason);
  });

  it("treats a __proto__ key as data and builds a plain row of the three fields", async () => {
    const decoded = await decodePurchase(
      Buffer.from('{"__proto__":{"polluted":true},"customerId":"CU-1001","amount":12.5,"itemCode":"96385074"}'),
    );
    expect(decoded).toEqual({ ok: true, value: { customerId: "CU-1001", amount: 12.5, itemCode: "96385074" } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ignores duplicate keys nested below the top level (they are not loaded)", async () => {
    expect(await reasonOf('{"customerId":"CU-1001","amount":1,"itemCode":"1","x":{"a":1,"a":2}}')).toBe("ok");
  });
});
