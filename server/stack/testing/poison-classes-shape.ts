import type { PoisonClass } from "./poison-classes";
import { text, pick, customer, amount, itemCode, bad, purchaseJson, nested, randomBytes } from "./poison-builders";

/** Poison in the bytes and the JSON shape of a message: not JSON, wrong types, odd encodings, sizes. */
export const SHAPE_POISON_CLASSES: readonly PoisonClass[] = [
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
];
