/**
 * Malformed `purchases` values of every class the connector must survive, `count` of them in a
 * cycle: not JSON, arrays and scalars, missing fields, wrong types, out-of-range and non-finite
 * numbers, empty, tombstone, binary, byte-order mark, duplicate keys, deep nesting, oversize.
 */
export function poisonCorpus(count: number): Array<{ key: string | null; value: Buffer | string | null }> {
  const kinds: Array<(i: number) => Buffer | string | null> = [
    (i) => `not json ${i}`,
    (i) => JSON.stringify([i, "CU-1001", 12.5, "96385074"]),
    (i) => String(i),
    () => '"a string"',
    () => "null",
    () => '{"customerId":"CU-1001","itemCode":"96385074"}',
    () => '{"customerId":"CU-1001","amount":"abc","itemCode":"96385074"}',
    () => '{"customerId":"CU-1001","amount":1e400,"itemCode":"96385074"}',
    () => '{"customerId":1001,"amount":12.5,"itemCode":"96385074"}',
    () => '{"customerId":"CU-1001","amount":1e12,"itemCode":"96385074"}',
    () => "",
    () => null,
    (i) => Buffer.from([0xff, 0xfe, 0x00, i % 256, 0xc3, 0x28]),
    () => '\ufeff{"customerId":"CU-1001","amount":12.5,"itemCode":"96385074"}',
    () => '{"customerId":"CU-1001","amount":12.5,"amount":"x","itemCode":"96385074"}',
    () => `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
    () => JSON.stringify({ customerId: "CU-1001", amount: 12.5, itemCode: "1", pad: "x".repeat(70_000) }),
    () => '{"__proto__":{"amount":1},"customerId":"CU-1001","itemCode":"96385074"}',
  ];
  return Array.from({ length: count }, (_, i) => ({
    key: i % 7 === 0 ? null : `CU-1${String(i % 1000).padStart(3, "0")}`,
    value: kinds[i % kinds.length]!(i),
  }));
}
