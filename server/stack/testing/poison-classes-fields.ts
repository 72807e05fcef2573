import type { PoisonClass } from "./poison-classes";
import { text, pick, customer, amount, itemCode, bad, good, purchaseJson, nested, randomBytes, THOUSANDS_OF_KEYS } from "./poison-builders";

/** Poison in the field values, and odd messages that are still valid purchases (loaded, not dead-lettered). */
export const FIELD_POISON_CLASSES: readonly PoisonClass[] = [
  {
    kind: "amount_out_of_range",
    weight: 4,
    build: ({ random }) => {
      const id = customer(random);
      // Negative on purpose: Kafka has no DOUBLE(10,3), so the engine rightly sums these; a large
      // positive one would put a CU-9xxx customer above CU-1277 on Kafka by design, not by a bug.
      return bad(
        "amount_out_of_range",
        id,
        text(
          `{"customerId":"${id}","amount":${pick(random, ["-10000000", "-10000000.5", "-1e12", "-123456789.125"])},"itemCode":"${itemCode}"}`,
        ),
      );
    },
  },
  {
    kind: "customer_id_too_long",
    weight: 3,
    build: ({ random }) => {
      const id = `CU-9${"9".repeat(50 + Math.floor(random() * 200))}`;
      return bad("customer_id_too_long", id.slice(0, 40), text(`{"customerId":"${id}","amount":1.5,"itemCode":"${itemCode}"}`));
    },
  },
  {
    kind: "customer_id_malformed",
    weight: 3,
    build: ({ random }) => {
      const id = pick(random, ["cu-9001", "CU-", "CU-9x01", " CU-9001", "CU-9001\n", "ЦУ-9001", ""]);
      return bad("customer_id_malformed", "CU-9001", text(JSON.stringify({ customerId: id, amount: 1.5, itemCode })));
    },
  },
  {
    kind: "odd_key_bad_value",
    weight: 3,
    build: ({ random }) => {
      const key = pick<Buffer | null>(random, [null, randomBytes(random, 64), Buffer.alloc(100_000, 0x6b), Buffer.alloc(0)]);
      return bad("odd_key_bad_value", key, text(pick(random, ["not json", "[1]", '{"amount":"abc"}'])), {
        "x-binary": randomBytes(random, 32),
        "": Buffer.alloc(0),
      });
    },
  },
  // ---- odd but valid purchases: they must load, on both sides ----
  {
    kind: "nested_extra_field",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      return good("nested_extra_field", id, value, purchaseJson(id, value, `,"deep":${nested(1_000, '{"a":', "}", "1")}`));
    },
  },
  {
    kind: "proto_extra_keys",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      return good(
        "proto_extra_keys",
        id,
        value,
        purchaseJson(id, value, `,"__proto__":{"amount":9999999,"polluted":true},"constructor":{"prototype":{"polluted":true}}`),
      );
    },
  },
  {
    kind: "case_variant_keys",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      // The variants carry the same values: MySQL-style case-insensitive names must not change the answer.
      return good("case_variant_keys", id, value, purchaseJson(id, value, `,"CustomerId":"${id}","AMOUNT":${value}`));
    },
  },
  {
    kind: "thousands_of_keys",
    weight: 0,
    fixed: 3,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      return good("thousands_of_keys", id, value, purchaseJson(id, value, `,${THOUSANDS_OF_KEYS}`));
    },
  },
  {
    kind: "huge_extra_string",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      return good(
        "huge_extra_string",
        id,
        value,
        purchaseJson(id, value, `,"note":"${"z".repeat(30_000 + Math.floor(random() * 20_000))}"`),
      );
    },
  },
  {
    kind: "odd_key_good_value",
    weight: 3,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      const key = pick<Buffer | null>(random, [
        null,
        randomBytes(random, 64),
        Buffer.alloc(100_000, 0x6b),
        Buffer.alloc(0),
        text("CU-1277"),
      ]);
      return good("odd_key_good_value", id, value, purchaseJson(id, value), key);
    },
  },
  {
    kind: "odd_headers_good_value",
    weight: 3,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      const headers: Record<string, Buffer> = {
        "fomo.dlq.reason": text("spoofed"),
        "fomo.dlq.offset": text("0"),
        "x-binary": randomBytes(random, 64),
      };
      for (let index = 0; index < 100; index++) headers[`h${index}`] = text(String(index));
      return good("odd_headers_good_value", id, value, purchaseJson(id, value), text(id), headers);
    },
  },
  {
    kind: "odd_strings",
    weight: 3,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      const variant = pick(random, ['"a\\u0000b"', '"emoji 🛒"', '"tab\\tnew\\nline"']);
      return good("odd_strings", id, value, `{"customerId":"${id}","amount":${value},"itemCode":${variant}}`);
    },
  },
  {
    kind: "lone_surrogate_escape",
    weight: 1,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      // Valid JSON text (RFC 8259 allows the escape) but not Unicode: a dead letter for the connector,
      // a corrupt row for the engine, so both sides leave it out of the good rows.
      return bad("lone_surrogate_escape", text(id), text(`{"customerId":"${id}","amount":${value},"itemCode":"\\ud800lone"}`));
    },
  },
  {
    kind: "whitespace_padded",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      const value = amount(random);
      return good("whitespace_padded", id, value, `\n\t  ${purchaseJson(id, value).replaceAll(",", " ,\n ")}  \r\n`);
    },
  },
  {
    kind: "edge_amounts",
    weight: 3,
    build: ({ random }) => {
      const id = customer(random);
      const [raw, value] = pick<[string, number]>(random, [
        ["1e-400", 0],
        ["-0", 0],
        ["-2.5", -2.5],
        ["2.5E0", 2.5],
        ["0.001", 0.001],
      ]);
      return good("edge_amounts", id, value, `{"customerId":"${id}","amount":${raw},"itemCode":"${itemCode}"}`);
    },
  },
];
