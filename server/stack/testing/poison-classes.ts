import type { Random } from "../../generator/prng";

/**
 * The kinds of malformed or odd `purchases` messages the reliability suite produces, and what the
 * connector must do with each: dead-letter it, or load it (odd but a valid purchase). Every
 * message names a customer `CU-9xxx`, which the generator never produces (it uses CU-1000..1999),
 * so poison can never change the story's answers (CU-1277 on top).
 */
export interface PoisonMessage {
  kind: string;
  key: Buffer | null;
  /** null: a tombstone. */
  value: Buffer | null;
  headers?: Record<string, Buffer>;
  /** True: the connector must dead-letter it; false: it is a valid purchase the warehouse must load. */
  deadLetter: boolean;
  /** What a loadable message puts in the warehouse (amounts have at most 3 decimals: DOUBLE(10,3)). */
  purchase?: { customerId: string; amount: number };
}

export interface PoisonContext {
  random: Random;
  /** Size of the "about 1 MB" values: just under the topic's max.message.bytes. */
  hugeValueBytes: number;
}

export interface PoisonClass {
  kind: string;
  /** Share of the corpus (relative weight); `fixed` classes get exactly that many messages instead. */
  weight: number;
  fixed?: number;
  build(context: PoisonContext): PoisonMessage;
}

const text = (value: string) => Buffer.from(value, "utf8");
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const customer = (random: Random) => `CU-${9000 + Math.floor(random() * 1000)}`;
const amount = (random: Random) => Math.round((0.5 + random() * 4.5) * 1000) / 1000;
const itemCode = "96385074"; // a valid EAN-8, so only the field under test is odd

function bad(kind: string, key: string | Buffer | null, value: Buffer | null, headers?: Record<string, Buffer>): PoisonMessage {
  return { kind, key: typeof key === "string" ? text(key) : key, value, headers, deadLetter: true };
}

/** A loadable purchase whose raw JSON text is `raw` (built around the customer and amount). */
function good(
  kind: string,
  customerId: string,
  value: number,
  raw: string | Buffer,
  key: Buffer | null = text(customerId),
  headers?: Record<string, Buffer>,
): PoisonMessage {
  return {
    kind,
    key,
    value: typeof raw === "string" ? text(raw) : raw,
    headers,
    deadLetter: false,
    purchase: { customerId, amount: value },
  };
}

const purchaseJson = (customerId: string, value: number, extra = "") =>
  `{"customerId":"${customerId}","amount":${value},"itemCode":"${itemCode}"${extra}}`;

function nested(depth: number, open: string, close: string, inner: string): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

function randomBytes(random: Random, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * 256);
  // A first byte that can never start JSON, so a lucky draw is not a valid document.
  bytes[0] = 0xff;
  return bytes;
}

const THOUSANDS_OF_KEYS = Array.from({ length: 2_000 }, (_, index) => `"k${String(index).padStart(4, "0")}":${index}`).join(",");

export const POISON_CLASSES: readonly PoisonClass[] = [
  // ---- dead letters: the classes of the issue ----
  {
    kind: "invalid_json",
    weight: 6,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "invalid_json",
        id,
        text(
          pick(random, [
            `{"customerId":"${id}","amount":`,
            `{customerId:'${id}'}`,
            `{"customerId":"${id}",}`,
            `{"customerId":"${id}","amount":NaN,"itemCode":"1"}`,
            `${purchaseJson(id, 1)} trailing`,
            "{{{{",
            `"unterminated`,
          ]),
        ),
      );
    },
  },
  {
    kind: "json_array",
    weight: 5,
    build: ({ random }) =>
      bad(
        "json_array",
        customer(random),
        text(pick(random, [`[1,2,3,4]`, `[${purchaseJson(customer(random), 1)}]`, "[]", `["CU-9001", 12.5, "${itemCode}"]`])),
      ),
  },
  {
    kind: "bare_scalar",
    weight: 5,
    build: ({ random }) =>
      bad("bare_scalar", customer(random), text(pick(random, ["42", "-0.5", '"CU-9001"', "true", "false", "null", "1e400"]))),
  },
  {
    kind: "missing_field",
    weight: 6,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "missing_field",
        id,
        text(
          pick(random, [
            `{"customerId":"${id}","amount":1.5}`,
            `{"customerId":"${id}","itemCode":"${itemCode}"}`,
            `{"amount":1.5,"itemCode":"${itemCode}"}`,
            "{}",
          ]),
        ),
      );
    },
  },
  {
    kind: "amount_not_a_number",
    weight: 5,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "amount_not_a_number",
        id,
        text(`{"customerId":"${id}","amount":"${pick(random, ["abc", "12.5", "", "NaN", "Infinity"])}","itemCode":"${itemCode}"}`),
      );
    },
  },
  {
    kind: "amount_1e400",
    weight: 5,
    build: ({ random }) => {
      const id = customer(random);
      // Raw text on purpose: JSON.stringify cannot write a number beyond a double.
      return bad(
        "amount_1e400",
        id,
        text(`{"customerId":"${id}","amount":${pick(random, ["1e400", "-1e400", "1E+999"])},"itemCode":"${itemCode}"}`),
      );
    },
  },
  {
    kind: "wrong_json_type",
    weight: 6,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "wrong_json_type",
        id,
        text(
          pick(random, [
            `{"customerId":${9000 + Math.floor(random() * 1000)},"amount":1.5,"itemCode":"${itemCode}"}`,
            `{"customerId":"${id}","amount":true,"itemCode":"${itemCode}"}`,
            `{"customerId":"${id}","amount":{"value":1.5},"itemCode":"${itemCode}"}`,
            `{"customerId":"${id}","amount":[1.5],"itemCode":"${itemCode}"}`,
            `{"customerId":"${id}","amount":null,"itemCode":"${itemCode}"}`,
            `{"customerId":"${id}","amount":1.5,"itemCode":96385074}`,
            `{"customerId":["${id}"],"amount":1.5,"itemCode":"${itemCode}"}`,
          ]),
        ),
      );
    },
  },
  { kind: "empty_value", weight: 3, build: ({ random }) => bad("empty_value", customer(random), Buffer.alloc(0)) },
  {
    kind: "binary_value",
    weight: 4,
    build: ({ random }) => bad("binary_value", customer(random), randomBytes(random, 1 + Math.floor(random() * 512))),
  },
  {
    kind: "huge_value",
    weight: 0,
    fixed: 5,
    build: ({ random, hugeValueBytes }) => {
      const id = customer(random);
      if (random() < 0.5) return bad("huge_value", id, randomBytes(random, hugeValueBytes));
      const head = `{"customerId":"${id}","amount":1.5,"itemCode":"${itemCode}","padding":"`;
      return bad("huge_value", id, text(`${head}${"x".repeat(hugeValueBytes - head.length - 2)}"}`));
    },
  },
  // ---- dead letters: classes the issue does not list ----
  { kind: "tombstone", weight: 3, build: ({ random }) => bad("tombstone", customer(random), null) },
  {
    kind: "bom_prefixed",
    weight: 3,
    build: ({ random }) =>
      bad(
        "bom_prefixed",
        customer(random),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(purchaseJson(customer(random), amount(random)))]),
      ),
  },
  {
    kind: "deeply_nested_value",
    weight: 2,
    build: ({ random }) => bad("deeply_nested_value", customer(random), text(nested(5_000 + Math.floor(random() * 5_000), "[", "]", "1"))),
  },
  {
    kind: "proto_only_fields",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      return bad("proto_only_fields", id, text(`{"__proto__":{"customerId":"${id}","amount":1.5,"itemCode":"${itemCode}"}}`));
    },
  },
  {
    kind: "duplicate_keys_last_bad",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      // JSON.parse (and ECMA-404's usual reading) keeps the last duplicate: that one is bad.
      return bad("duplicate_keys_last_bad", id, text(`{"customerId":"${id}","amount":1.5,"itemCode":"${itemCode}","amount":"abc"}`));
    },
  },
  {
    kind: "duplicate_keys_both_valid",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      // Readers disagree on which duplicate wins (JSON.parse: the last; others: the first): ambiguous, so refused.
      return bad(
        "duplicate_keys_both_valid",
        id,
        text(`{"customerId":"${id}","amount":${amount(random)},"itemCode":"${itemCode}","amount":${amount(random)}}`),
      );
    },
  },
  {
    kind: "invalid_utf8",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "invalid_utf8",
        id,
        Buffer.concat([
          text(`{"customerId":"${id}","amount":1.5,"itemCode":"`),
          Buffer.from(pick(random, [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff]])),
          text('"}'),
        ]),
      );
    },
  },
  {
    kind: "case_only_keys",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      return bad("case_only_keys", id, text(`{"CustomerId":"${id}","AMOUNT":1.5,"itemcode":"${itemCode}"}`));
    },
  },
  {
    kind: "huge_string_field",
    weight: 2,
    build: ({ random }) => {
      const id = customer(random);
      return bad(
        "huge_string_field",
        id,
        text(`{"customerId":"${id}","amount":1.5,"itemCode":"${"7".repeat(20_000 + Math.floor(random() * 20_000))}"}`),
      );
    },
  },
  {
    kind: "oversized_object",
    weight: 1,
    build: ({ random }) =>
      bad("oversized_object", customer(random), text(purchaseJson(customer(random), 1.5, `,"note":"${"n".repeat(70_000)}"`))),
  },
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
